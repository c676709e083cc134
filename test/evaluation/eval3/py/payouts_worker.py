import logging
import os

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

log = logging.getLogger("payouts")

retry_policy = Retry(
    total=4,
    backoff_factor=0.5,
    backoff_jitter=0.25,
    status_forcelist=[429, 500, 502, 503],
    allowed_methods=frozenset({"GET", "POST"}),
    respect_retry_after_header=True,
)

session = requests.Session()
session.mount("https://", HTTPAdapter(max_retries=retry_policy))
session.headers["Authorization"] = f"Bearer {os.environ.get('TREASURY_KEY', '')}"

BASE = "https://api.treasury-rails.example/v1"


def pending_payouts() -> list[dict]:
    resp = session.get(f"{BASE}/payouts", params={"status": "approved"}, timeout=20)
    resp.raise_for_status()
    return resp.json()["data"]


def execute_payout(payout: dict) -> str:
    resp = session.post(
        f"{BASE}/transfers",
        json={
            "payout_id": payout["id"],
            "amount": payout["amount"],
            "currency": payout["currency"],
            "destination": payout["bank_account_id"],
        },
        timeout=30,
    )
    resp.raise_for_status()
    return resp.json()["transfer_id"]


def run() -> None:
    for payout in pending_payouts():
        transfer_id = execute_payout(payout)
        log.info("payout %s -> transfer %s", payout["id"], transfer_id)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    run()
