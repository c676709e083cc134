"""Issues refunds queued by support agents."""
import logging
import random
import time

import requests

log = logging.getLogger(__name__)

API = "https://payments.example.com/v1"


def issue_refund(session: requests.Session, refund: dict) -> dict:
    headers = {"Idempotency-Key": f"refund-{refund['ticket_id']}"}
    for attempt in range(4):
        resp = session.post(f"{API}/refunds", json=refund, headers=headers, timeout=20)
        if resp.status_code == 429:
            time.sleep(float(resp.headers.get("Retry-After", "2")))
            continue
        if resp.status_code in (409, 500, 502, 504):
            # 409 shows up while the original charge is still settling
            log.warning("refund %s got %s, retrying", refund["ticket_id"], resp.status_code)
            time.sleep(2 ** attempt + random.random())
            continue
        resp.raise_for_status()
        return resp.json()
    raise RuntimeError(f"refund for ticket {refund['ticket_id']} did not go through")


def run(session, queue):
    for refund in queue.pop_batch(50):
        try:
            result = issue_refund(session, refund)
            queue.ack(refund, result["id"])
        except (requests.HTTPError, RuntimeError):
            log.exception("refund %s failed", refund["ticket_id"])
            queue.nack(refund)
