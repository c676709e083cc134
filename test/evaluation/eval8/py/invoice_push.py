import logging
import random
import time
import uuid

import requests

log = logging.getLogger(__name__)

ERP_URL = "https://erp.example.com/api/invoices"
MAX_ATTEMPTS = 5
BASE_DELAY = 0.5
MAX_DELAY = 30.0


def _retry_after(resp):
    value = resp.headers.get("Retry-After")
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None


def push_invoice(session: requests.Session, invoice: dict) -> dict:
    key = str(uuid.uuid4())
    for attempt in range(MAX_ATTEMPTS):
        resp = session.post(
            ERP_URL,
            json=invoice,
            headers={"Idempotency-Key": key},
            timeout=20,
        )
        if resp.ok:
            return resp.json()
        if resp.status_code == 429 or resp.status_code >= 500:
            if attempt == MAX_ATTEMPTS - 1:
                break
            delay = _retry_after(resp)
            if delay is None:
                delay = random.uniform(0, min(MAX_DELAY, BASE_DELAY * 2**attempt))
            log.warning("erp %s, retrying in %.1fs", resp.status_code, delay)
            time.sleep(min(delay, MAX_DELAY))
            continue
        resp.raise_for_status()
    raise RuntimeError(f"invoice {invoice.get('number')} not accepted after {MAX_ATTEMPTS} attempts")
