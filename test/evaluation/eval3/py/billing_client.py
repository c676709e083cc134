from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import requests


class BillingError(Exception):
    pass


class RateLimited(BillingError):
    def __init__(self, retry_after: float):
        super().__init__(f"rate limited, retry after {retry_after}s")
        self.retry_after = retry_after


class BillingUnavailable(BillingError):
    pass


@dataclass
class BillingClient:
    api_key: str
    base_url: str = "https://api.ledgerline.example/v1"
    timeout: float = 10.0
    session: requests.Session = field(default_factory=requests.Session)

    def _headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.api_key}", "Accept": "application/json"}

    def get_invoice(self, invoice_id: str) -> dict[str, Any] | None:
        resp = self.session.get(
            f"{self.base_url}/invoices/{invoice_id}", headers=self._headers(), timeout=self.timeout
        )
        if resp.status_code == 404:
            return None
        if resp.status_code == 429:
            raise RateLimited(float(resp.headers.get("Retry-After", "1")))
        if resp.status_code >= 500:
            raise BillingUnavailable(f"billing returned {resp.status_code}")
        resp.raise_for_status()
        return resp.json()

    def list_overdue(self, customer_id: str) -> list[dict[str, Any]]:
        resp = self.session.get(
            f"{self.base_url}/customers/{customer_id}/invoices",
            params={"status": "overdue"},
            headers=self._headers(),
            timeout=self.timeout,
        )
        resp.raise_for_status()
        return resp.json()["data"]
