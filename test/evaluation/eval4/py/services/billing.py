import logging
import time

import requests
from django.conf import settings

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 4


class BillingError(Exception):
    pass


def create_invoice(customer_id: str, lines: list[dict]) -> dict:
    url = f"{settings.BILLING_API_URL}/v2/invoices"
    headers = {"Authorization": f"Bearer {settings.BILLING_API_KEY}"}
    payload = {"customer": customer_id, "lines": lines, "auto_advance": True}

    last_exc = None
    for attempt in range(MAX_ATTEMPTS):
        try:
            resp = requests.post(url, json=payload, headers=headers, timeout=15)
            resp.raise_for_status()
            return resp.json()
        except requests.RequestException as exc:
            last_exc = exc
            logger.warning("invoice create failed (attempt %d): %s", attempt + 1, exc)
            time.sleep(2 ** attempt)
    raise BillingError(f"could not create invoice for {customer_id}") from last_exc


def get_invoice(invoice_id: str) -> dict | None:
    resp = requests.get(
        f"{settings.BILLING_API_URL}/v2/invoices/{invoice_id}",
        headers={"Authorization": f"Bearer {settings.BILLING_API_KEY}"},
        timeout=15,
    )
    if resp.status_code == 404:
        return None
    resp.raise_for_status()
    return resp.json()
