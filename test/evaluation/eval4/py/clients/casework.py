"""Read-only client for the Casework API (matters and documents)."""
import random
import time

import requests

BASE_URL = "https://api.casework.example/v1"
RETRY_STATUSES = (401, 429, 500, 502, 503)
MAX_ATTEMPTS = 3


class CaseworkClient:
    def __init__(self, api_key: str):
        self.session = requests.Session()
        self.session.headers["Authorization"] = f"Bearer {api_key}"

    def _get(self, path: str, **params) -> dict:
        for attempt in range(MAX_ATTEMPTS):
            resp = self.session.get(f"{BASE_URL}{path}", params=params, timeout=15)
            if resp.status_code not in RETRY_STATUSES or attempt == MAX_ATTEMPTS - 1:
                resp.raise_for_status()
                return resp.json()
            retry_after = resp.headers.get("Retry-After")
            if retry_after:
                delay = float(retry_after)
            else:
                delay = min(2 ** attempt, 30) + random.uniform(0, 1)
            time.sleep(delay)
        raise RuntimeError("unreachable")

    def get_matter(self, matter_id: str) -> dict:
        return self._get(f"/matters/{matter_id}")

    def list_documents(self, matter_id: str, page: int = 1) -> list[dict]:
        return self._get(f"/matters/{matter_id}/documents", page=page)["documents"]
