"""Polls the acquirer for the final status of pending payments."""
import logging
import time

import requests

log = logging.getLogger(__name__)

FINAL = {"succeeded", "failed", "canceled"}


def poll_status(session: requests.Session, payment_id: str, max_attempts: int = 6) -> str | None:
    url = f"https://acquirer.example.com/v2/payments/{payment_id}"
    for attempt in range(max_attempts):
        resp = session.get(url, timeout=10)
        if resp.status_code == 429:
            time.sleep(int(resp.headers.get("Retry-After", "1")))
            continue
        if resp.status_code >= 500:
            time.sleep(0.5 * 2 ** attempt)
            continue
        resp.raise_for_status()
        status = resp.json()["status"]
        return status if status in FINAL else None
    log.warning("payment %s: acquirer unavailable after %d attempts", payment_id, max_attempts)
    return None


def reconcile(session, pending_ids):
    results = {}
    for payment_id in pending_ids:
        results[payment_id] = poll_status(session, payment_id)
    return results
