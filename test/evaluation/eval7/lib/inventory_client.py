"""Warehouse inventory client: retries connection problems only, surfaces HTTP errors."""
import logging

import backoff
import requests

log = logging.getLogger(__name__)


class InventoryClient:
    def __init__(self, base_url: str, api_key: str) -> None:
        self.base_url = base_url.rstrip("/")
        self.session = requests.Session()
        self.session.headers["X-Api-Key"] = api_key

    @backoff.on_exception(
        backoff.expo,
        (requests.exceptions.ConnectionError, requests.exceptions.ReadTimeout),
        max_tries=4,
        giveup=lambda e: isinstance(e, requests.exceptions.SSLError),
    )
    def stock_level(self, sku: str) -> int:
        resp = self.session.get(f"{self.base_url}/stock/{sku}", timeout=10)
        if resp.status_code == 404:
            return 0
        resp.raise_for_status()
        return int(resp.json()["available"])

    def reserve(self, sku: str, qty: int, order_id: str) -> dict:
        resp = self.session.post(
            f"{self.base_url}/reservations",
            json={"sku": sku, "qty": qty, "order": order_id},
            timeout=10,
        )
        resp.raise_for_status()
        return resp.json()
