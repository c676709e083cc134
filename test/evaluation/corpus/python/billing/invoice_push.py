import logging
import time
from decimal import Decimal

import httpx

from billing.models import Invoice

logger = logging.getLogger("billing.push")

ACCOUNTING_URL = "https://accounting.example.com/api/v2"
MAX_ATTEMPTS = 5


def _payload(invoice: Invoice) -> dict:
    return {
        "reference": invoice.number,
        "customer_ref": invoice.customer.external_id,
        "currency": invoice.currency,
        "lines": [
            {"description": line.description, "amount": str(line.amount.quantize(Decimal("0.01")))}
            for line in invoice.lines.all()
        ],
    }


def push_invoice(invoice: Invoice, token: str) -> str:
    """Create the invoice in the accounting system and return its id there."""
    payload = _payload(invoice)
    for attempt in range(MAX_ATTEMPTS):
        resp = httpx.post(
            f"{ACCOUNTING_URL}/invoices",
            json=payload,
            headers={"Authorization": f"Bearer {token}"},
            timeout=20,
        )
        if resp.status_code in (429, 500, 502, 503) and attempt < MAX_ATTEMPTS - 1:
            logger.warning("accounting returned %s for %s, retrying", resp.status_code, invoice.number)
            time.sleep(2 ** attempt)
            continue
        resp.raise_for_status()
        return resp.json()["id"]
    raise RuntimeError("unreachable")


def mark_paid(accounting_id: str, token: str, paid_at: str) -> None:
    resp = httpx.put(
        f"{ACCOUNTING_URL}/invoices/{accounting_id}/payment",
        json={"paid_at": paid_at},
        headers={"Authorization": f"Bearer {token}"},
        timeout=20,
    )
    resp.raise_for_status()
