"""Celery task that pushes a finalised invoice to the accounting provider."""
import random

import requests
from celery import shared_task
from celery.utils.log import get_task_logger
from django.conf import settings

from billing.models import Invoice

logger = get_task_logger(__name__)

MAX_COUNTDOWN = 600


class InvoiceRejected(Exception):
    pass


def _countdown(resp: requests.Response, retries: int) -> float:
    header = resp.headers.get("Retry-After")
    if header and header.isdigit():
        return min(int(header), MAX_COUNTDOWN)
    return random.uniform(0, min(MAX_COUNTDOWN, 5 * 2 ** retries))


@shared_task(bind=True, max_retries=6)
def push_invoice(self, invoice_id: int) -> str:
    invoice = Invoice.objects.select_related("customer").get(pk=invoice_id)
    # the invoice number is stable across task retries, so the provider de-duplicates
    headers = {
        "Authorization": f"Bearer {settings.LEDGER_API_KEY}",
        "Idempotency-Key": f"invoice-{invoice.number}",
    }
    resp = requests.post(
        f"{settings.LEDGER_API_URL}/v1/invoices",
        json=invoice.to_ledger_payload(),
        headers=headers,
        timeout=30,
    )

    if resp.status_code == 429 or resp.status_code >= 500:
        raise self.retry(countdown=_countdown(resp, self.request.retries))
    if resp.status_code == 409:
        logger.info("invoice %s already exists upstream", invoice.number)
        return invoice.number
    if resp.status_code in (400, 422):
        raise InvoiceRejected(resp.json().get("error", {}).get("message", resp.text))
    resp.raise_for_status()

    invoice.ledger_id = resp.json()["id"]
    invoice.save(update_fields=["ledger_id"])
    return invoice.ledger_id
