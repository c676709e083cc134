import requests


class ExpenseApi:
    """Client for the expenses API; access tokens live ~15 minutes."""

    def __init__(self, client_id: str, client_secret: str, base: str = "https://api.spendwise.example/v1"):
        self.base = base
        self.client_id = client_id
        self.client_secret = client_secret
        self.session = requests.Session()
        self._token: str | None = None

    def _refresh_token(self) -> None:
        resp = self.session.post(
            "https://auth.spendwise.example/oauth/token",
            data={"grant_type": "client_credentials", "client_id": self.client_id, "client_secret": self.client_secret},
            timeout=10,
        )
        resp.raise_for_status()
        self._token = resp.json()["access_token"]

    def _get(self, path: str, **params) -> dict:
        if self._token is None:
            self._refresh_token()
        refreshed = False
        for _ in range(2):
            resp = self.session.get(
                f"{self.base}{path}",
                params=params,
                headers={"Authorization": f"Bearer {self._token}"},
                timeout=15,
            )
            if resp.status_code == 401 and not refreshed:
                self._refresh_token()
                refreshed = True
                continue
            resp.raise_for_status()
            return resp.json()
        raise RuntimeError("token rejected right after refresh")

    def expenses(self, report_id: str) -> list[dict]:
        return self._get(f"/reports/{report_id}/expenses", limit=200)["items"]
