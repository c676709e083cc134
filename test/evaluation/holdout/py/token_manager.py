"""OAuth2 client-credentials session for the partner reporting API."""
from __future__ import annotations

import threading
import time

import requests


class PartnerAuth:
    def __init__(self, token_url: str, client_id: str, client_secret: str):
        self._token_url = token_url
        self._client_id = client_id
        self._client_secret = client_secret
        self._token: str | None = None
        self._expires_at = 0.0
        self._lock = threading.Lock()

    def refresh_token(self) -> str:
        with self._lock:
            resp = requests.post(
                self._token_url,
                data={
                    "grant_type": "client_credentials",
                    "client_id": self._client_id,
                    "client_secret": self._client_secret,
                },
                timeout=10,
            )
            resp.raise_for_status()
            payload = resp.json()
            self._token = payload["access_token"]
            self._expires_at = time.monotonic() + payload.get("expires_in", 3600) - 30
            return self._token

    def token(self) -> str:
        if self._token is None or time.monotonic() >= self._expires_at:
            return self.refresh_token()
        return self._token


class ReportsClient:
    def __init__(self, base_url: str, auth: PartnerAuth):
        self.base_url = base_url.rstrip("/")
        self.auth = auth
        self.http = requests.Session()

    def _get(self, path: str, token: str) -> requests.Response:
        return self.http.get(
            f"{self.base_url}{path}",
            headers={"Authorization": f"Bearer {token}"},
            timeout=30,
        )

    def get_report(self, report_id: str) -> dict:
        resp = self._get(f"/reports/{report_id}", self.auth.token())
        if resp.status_code == 401:
            # revoked early on the partner side; one refresh, one more try
            resp = self._get(f"/reports/{report_id}", self.auth.refresh_token())
        resp.raise_for_status()
        return resp.json()
