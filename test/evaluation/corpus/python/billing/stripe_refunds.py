"""Refund flows for the support console."""
import logging
from decimal import Decimal

import stripe
from django.conf import settings

from billing.models import RefundRequest

log = logging.getLogger(__name__)

stripe.api_key = settings.STRIPE_SECRET_KEY
# stripe-python retries network errors and 409/429/5xx itself, reusing the idempotency key.
stripe.max_network_retries = 2

MAX_REFUND = Decimal("5000.00")


def _to_minor(amount: Decimal) -> int:
    return int((amount * 100).quantize(Decimal("1")))


def issue_refund(req: RefundRequest) -> str:
    if req.amount > MAX_REFUND:
        raise ValueError("refunds above 5000 need finance approval")

    # one key per refund request row, stored so a re-run of the job reuses it
    if not req.idempotency_key:
        req.idempotency_key = f"refund-{req.pk}-{req.created_at:%Y%m%d%H%M%S}"
        req.save(update_fields=["idempotency_key"])

    try:
        refund = stripe.Refund.create(
            payment_intent=req.payment_intent_id,
            amount=_to_minor(req.amount),
            reason="requested_by_customer",
            metadata={"ticket": req.ticket_id},
            idempotency_key=req.idempotency_key,
        )
    except stripe.error.InvalidRequestError as e:
        log.warning("refund %s rejected: %s", req.pk, e.user_message or e)
        req.mark_rejected(str(e))
        raise

    req.mark_done(refund.id)
    log.info("refund %s issued as %s", req.pk, refund.id)
    return refund.id


def refund_status(refund_id: str) -> str:
    return stripe.Refund.retrieve(refund_id).status
