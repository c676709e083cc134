"""OAuth session for the CaseHug API: on 401 the token is refreshed once and the call repeated once."""
import requests

TOKEN_URL = "https://api.calmintake.com/oauth/token"
API = "https://api.calmintake.com/v1"


class CaseHugSession:
    def __init__(self, client_id: str, refresh_token: str):
        self.client_id = client_id
        self._refresh_token = refresh_token
        self.access_token: str | None = None
        self.http = requests.Session()

    def refresh_token(self) -> None:
        resp = self.http.post(
            TOKEN_URL,
            data={"grant_type": "refresh_token", "refresh_token": self._refresh_token, "client_id": self.client_id},
            timeout=10,
        )
        resp.raise_for_status()
        body = resp.json()
        self.access_token = body["access_token"]
        self._refresh_token = body.get("refresh_token", self._refresh_token)

    def _get(self, path: str) -> requests.Response:
        return self.http.get(f"{API}{path}", headers={"Authorization": f"Bearer {self.access_token}"}, timeout=10)

    def get(self, path: str) -> dict:
        if self.access_token is None:
            self.refresh_token()
        resp = self._get(path)
        if resp.status_code == 401:
            self.refresh_token()
            resp = self._get(path)
        resp.raise_for_status()
        return resp.json()

    def matter(self, matter_id: str) -> dict:
        return self.get(f"/matters/{matter_id}")
