"""Charge saved cards for metered usage at the end of the billing period."""
import logging
import time

import stripe
from django.conf import settings

log = logging.getLogger(__name__)
stripe.api_key = settings.STRIPE_SECRET_KEY
stripe.max_network_retries = 0


def charge_usage(customer_id: str, payment_method: str, amount_cents: int, period: str):
    for attempt in range(3):
        try:
            return stripe.PaymentIntent.create(
                amount=amount_cents,
                currency="eur",
                customer=customer_id,
                payment_method=payment_method,
                off_session=True,
                confirm=True,
                metadata={"period": period},
            )
        except stripe.error.APIConnectionError as exc:
            log.warning("stripe unreachable for %s (attempt %d): %s", customer_id, attempt + 1, exc)
            time.sleep(2 ** attempt)
    raise RuntimeError(f"could not reach stripe to charge {customer_id}")


def charge_all(rows) -> None:
    for row in rows:
        intent = charge_usage(row.customer_id, row.payment_method, row.amount_cents, row.period)
        row.mark_charged(intent.id)
