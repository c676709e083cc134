"""Refund service used by the support console."""
import logging

import requests
from django.conf import settings

log = logging.getLogger(__name__)


class RefundRejected(Exception):
    pass


class PaymentNotFound(Exception):
    pass


def issue_refund(payment_id: str, amount_cents: int, reason: str, request_id: str) -> dict:
    resp = requests.post(
        f"{settings.PAYMENTS_URL}/v1/payments/{payment_id}/refunds",
        json={"amount": amount_cents, "reason": reason},
        headers={
            "Authorization": f"Bearer {settings.PAYMENTS_KEY}",
            "Idempotency-Key": request_id,
        },
        timeout=20,
    )
    if resp.status_code == 400:
        detail = resp.json().get("error", {})
        raise RefundRejected(detail.get("message", "refund rejected"))
    if resp.status_code == 404:
        raise PaymentNotFound(payment_id)
    resp.raise_for_status()
    refund = resp.json()
    log.info("refund %s issued for payment %s", refund["id"], payment_id)
    return refund
