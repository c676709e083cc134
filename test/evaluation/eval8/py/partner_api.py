import threading

import httpx

TOKEN_URL = "https://auth.partner.example.com/oauth/token"
API_URL = "https://api.partner.example.com"


class PartnerClient:
    def __init__(self, client_id: str, client_secret: str) -> None:
        self._client_id = client_id
        self._client_secret = client_secret
        self._token: str | None = None
        self._lock = threading.Lock()
        self._http = httpx.Client(base_url=API_URL, timeout=10.0)

    def refresh_token(self) -> str:
        with self._lock:
            resp = httpx.post(
                TOKEN_URL,
                data={
                    "grant_type": "client_credentials",
                    "client_id": self._client_id,
                    "client_secret": self._client_secret,
                },
                timeout=10.0,
            )
            resp.raise_for_status()
            self._token = resp.json()["access_token"]
            return self._token

    def _get(self, path: str, params: dict | None = None) -> httpx.Response:
        token = self._token or self.refresh_token()
        resp = self._http.get(path, params=params, headers={"Authorization": f"Bearer {token}"})
        if resp.status_code == 401:
            token = self.refresh_token()
            resp = self._http.get(path, params=params, headers={"Authorization": f"Bearer {token}"})
        resp.raise_for_status()
        return resp

    def listings(self, region: str) -> list[dict]:
        return self._get("/v2/listings", {"region": region}).json()["items"]

    def listing(self, listing_id: str) -> dict:
        return self._get(f"/v2/listings/{listing_id}").json()
