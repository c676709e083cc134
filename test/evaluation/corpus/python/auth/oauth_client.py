from __future__ import annotations

import logging
import threading
import time

import httpx

log = logging.getLogger(__name__)


class TokenProvider:
    """Client-credentials token with in-process caching."""

    def __init__(self, token_url: str, client_id: str, client_secret: str) -> None:
        self._token_url = token_url
        self._auth = (client_id, client_secret)
        self._token: str | None = None
        self._expires_at = 0.0
        self._lock = threading.Lock()

    def token(self) -> str:
        with self._lock:
            if self._token is None or time.time() > self._expires_at - 30:
                self._refresh_locked()
            return self._token  # type: ignore[return-value]

    def refresh_token(self) -> str:
        with self._lock:
            self._refresh_locked()
            return self._token  # type: ignore[return-value]

    def _refresh_locked(self) -> None:
        resp = httpx.post(self._token_url, data={"grant_type": "client_credentials"}, auth=self._auth, timeout=10)
        resp.raise_for_status()
        body = resp.json()
        self._token = body["access_token"]
        self._expires_at = time.time() + body.get("expires_in", 300)


class LedgerClient:
    def __init__(self, base_url: str, tokens: TokenProvider) -> None:
        self._http = httpx.Client(base_url=base_url, timeout=15)
        self._tokens = tokens

    def balance(self, account: str) -> int:
        resp = self._http.get(f"/accounts/{account}/balance", headers=self._headers(self._tokens.token()))
        if resp.status_code == 401:
            # token revoked server-side before its expiry; get a new one and try once more
            log.info("ledger rejected token, refreshing")
            resp = self._http.get(
                f"/accounts/{account}/balance", headers=self._headers(self._tokens.refresh_token())
            )
        resp.raise_for_status()
        return resp.json()["balance_minor"]

    @staticmethod
    def _headers(token: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {token}"}
