"""HubSpot CRM client: reads are retried, writes are not."""
from __future__ import annotations

import logging
import random
import time

import requests

log = logging.getLogger(__name__)

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})


class HubSpotClient:
    base_url = "https://api.hubapi.com"

    def __init__(self, token: str, max_retries: int = 4, max_delay: float = 30.0) -> None:
        self.session = requests.Session()
        self.session.headers.update({"Authorization": f"Bearer {token}", "Accept": "application/json"})
        self.max_retries = max_retries
        self.max_delay = max_delay

    def _sleep_for(self, resp: requests.Response, attempt: int) -> float:
        header = resp.headers.get("Retry-After")
        if header:
            return min(float(header), self.max_delay)
        return random.uniform(0, min(self.max_delay, 2 ** attempt))

    def get(self, path: str, **params) -> dict:
        for attempt in range(self.max_retries + 1):
            resp = self.session.get(f"{self.base_url}{path}", params=params, timeout=20)
            if resp.status_code not in RETRY_STATUSES or attempt == self.max_retries:
                break
            delay = self._sleep_for(resp, attempt)
            log.info("hubspot %s -> %s, sleeping %.1fs", path, resp.status_code, delay)
            time.sleep(delay)
        resp.raise_for_status()
        return resp.json()

    def create_contact(self, properties: dict) -> dict:
        # a write is sent once; the caller decides what to do with a failure
        resp = self.session.post(
            f"{self.base_url}/crm/v3/objects/contacts", json={"properties": properties}, timeout=20
        )
        resp.raise_for_status()
        return resp.json()

    def contact_by_email(self, email: str) -> dict | None:
        try:
            return self.get(f"/crm/v3/objects/contacts/{email}", idProperty="email")
        except requests.HTTPError as exc:
            if exc.response is not None and exc.response.status_code == 404:
                return None
            raise
