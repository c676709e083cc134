"""Read client for the ledger service, with a tenacity policy that honours Retry-After."""
from __future__ import annotations

import httpx
from tenacity import (
    Retrying,
    retry_if_exception,
    stop_after_attempt,
    wait_random_exponential,
)

_fallback_wait = wait_random_exponential(multiplier=0.5, max=20)


def _is_transient(exc: BaseException) -> bool:
    if isinstance(exc, httpx.TransportError):
        return True
    if isinstance(exc, httpx.HTTPStatusError):
        code = exc.response.status_code
        return code == 429 or code >= 500
    return False


def _wait(retry_state) -> float:
    exc = retry_state.outcome.exception()
    if isinstance(exc, httpx.HTTPStatusError):
        hinted = exc.response.headers.get("Retry-After")
        if hinted and hinted.isdigit():
            return min(float(hinted), 60.0)
    return _fallback_wait(retry_state)


class LedgerClient:
    def __init__(self, base_url: str, token: str):
        self.http = httpx.Client(base_url=base_url, headers={"Authorization": f"Bearer {token}"}, timeout=10)

    def balance(self, account_id: str) -> int:
        for attempt in Retrying(
            retry=retry_if_exception(_is_transient),
            wait=_wait,
            stop=stop_after_attempt(5),
            reraise=True,
        ):
            with attempt:
                resp = self.http.get(f"/accounts/{account_id}/balance")
                resp.raise_for_status()
                return resp.json()["balance_minor"]
        raise RuntimeError("unreachable")
