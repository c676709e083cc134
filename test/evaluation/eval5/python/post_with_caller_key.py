"""Files payments with the Casework billing API. The caller creates the idempotency key once."""
import random
import time
import uuid

import requests

BILLING = "https://api.casework.example/v1/billing/payments"


def _sleep_before_retry(resp: requests.Response | None, attempt: int) -> None:
    retry_after = resp.headers.get("Retry-After") if resp is not None else None
    if retry_after is not None:
        time.sleep(min(float(retry_after), 30.0))
    else:
        time.sleep(random.uniform(0, min(16.0, 2 ** attempt)))


def create_payment(session: requests.Session, payload: dict, idempotency_key: str) -> dict:
    headers = {"Idempotency-Key": idempotency_key}
    for attempt in range(4):
        resp = None
        try:
            resp = session.post(BILLING, json=payload, headers=headers, timeout=20)
        except (requests.ConnectionError, requests.Timeout):
            if attempt == 3:
                raise
            _sleep_before_retry(None, attempt)
            continue
        if resp.status_code == 201:
            return resp.json()
        if resp.status_code != 429 and resp.status_code < 500:
            resp.raise_for_status()
        if attempt == 3:
            resp.raise_for_status()
        _sleep_before_retry(resp, attempt)
    raise RuntimeError("unreachable")


def bill_invoices(session: requests.Session, invoices: list[dict]) -> list[dict]:
    receipts = []
    for invoice in invoices:
        key = invoice.get("payment_key") or str(uuid.uuid4())
        receipts.append(create_payment(session, {"invoice": invoice["id"], "amount": invoice["total"]}, key))
    return receipts
