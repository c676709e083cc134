import threading
import time

import requests


class ApiClient:
    """Client for an OAuth2 client-credentials protected API."""

    def __init__(self, base_url: str, client_id: str, client_secret: str, token_url: str):
        self.base_url = base_url.rstrip("/")
        self._client_id = client_id
        self._client_secret = client_secret
        self._token_url = token_url
        self._token = None
        self._expires_at = 0.0
        self._lock = threading.Lock()
        self._session = requests.Session()

    def _refresh_token(self) -> str:
        with self._lock:
            resp = requests.post(
                self._token_url,
                data={"grant_type": "client_credentials"},
                auth=(self._client_id, self._client_secret),
                timeout=10,
            )
            resp.raise_for_status()
            body = resp.json()
            self._token = body["access_token"]
            self._expires_at = time.time() + body.get("expires_in", 3600) - 30
            return self._token

    def _auth_header(self) -> dict:
        if not self._token or time.time() >= self._expires_at:
            self._refresh_token()
        return {"Authorization": f"Bearer {self._token}"}

    def get(self, path: str, **params) -> dict:
        url = f"{self.base_url}{path}"
        resp = self._session.get(url, params=params, headers=self._auth_header(), timeout=15)
        if resp.status_code == 401:
            # token revoked early on the server side: refresh once and try again
            self._refresh_token()
            resp = self._session.get(url, params=params, headers=self._auth_header(), timeout=15)
        resp.raise_for_status()
        return resp.json()
