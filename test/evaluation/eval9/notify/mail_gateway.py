"""Sends transactional mail through the internal mail gateway."""
import random
import uuid

import httpx
from tenacity import retry, retry_if_exception, stop_after_attempt

GATEWAY = "http://mail-gateway.svc.cluster.local"


def _is_transient(exc: BaseException) -> bool:
    if isinstance(exc, httpx.TransportError):
        return True
    if isinstance(exc, httpx.HTTPStatusError):
        status = exc.response.status_code
        return status == 429 or status >= 500
    return False


def _wait(retry_state) -> float:
    exc = retry_state.outcome.exception()
    if isinstance(exc, httpx.HTTPStatusError):
        retry_after = exc.response.headers.get("Retry-After")
        if retry_after and retry_after.isdigit():
            return min(float(retry_after), 60.0)
    return random.uniform(0, min(20.0, 2 ** retry_state.attempt_number))


def send_mail(to: str, template: str, variables: dict) -> str:
    key = str(uuid.uuid4())
    return _send(to, template, variables, key)


@retry(retry=retry_if_exception(_is_transient), stop=stop_after_attempt(4), wait=_wait, reraise=True)
def _send(to: str, template: str, variables: dict, key: str) -> str:
    resp = httpx.post(
        f"{GATEWAY}/v1/send",
        json={"to": to, "template": template, "vars": variables},
        headers={"Idempotency-Key": key},
        timeout=10,
    )
    resp.raise_for_status()
    return resp.json()["message_id"]
