"""Card payments through the acquiring bank's REST gateway."""
from __future__ import annotations

import logging
import time
from dataclasses import dataclass

import requests

log = logging.getLogger("payments.gateway")


@dataclass
class ChargeResult:
    reference: str
    approved: bool
    decline_code: str | None = None


class GatewayClient:
    def __init__(self, base_url: str, merchant_id: str, secret: str) -> None:
        self.base_url = base_url.rstrip("/")
        self.session = requests.Session()
        self.session.auth = (merchant_id, secret)
        self.session.headers["Accept"] = "application/json"

    def charge(self, payload: dict) -> ChargeResult:
        try:
            resp = self.session.post(f"{self.base_url}/v1/payments", json=payload, timeout=30)
            resp.raise_for_status()
        except requests.HTTPError as exc:
            if exc.response.status_code == 503:
                log.warning("gateway in maintenance, retrying charge %s", payload.get("order_ref"))
                time.sleep(3)
                return self.charge(payload)
            raise
        body = resp.json()
        return ChargeResult(body["reference"], body["status"] == "approved", body.get("decline_code"))

    def capture(self, reference: str, amount_minor: int) -> None:
        resp = self.session.put(
            f"{self.base_url}/v1/payments/{reference}/capture", json={"amount": amount_minor}, timeout=30
        )
        resp.raise_for_status()

    def status(self, reference: str) -> str:
        resp = self.session.get(f"{self.base_url}/v1/payments/{reference}", timeout=10)
        if resp.status_code == 404:
            return "unknown"
        resp.raise_for_status()
        return resp.json()["status"]
