"""Retries failed subscription renewals during the dunning window."""
import logging
import random
import time

from payments_sdk import APIConnectionError, AuthenticationError, CardError, PaymentsClient

log = logging.getLogger(__name__)


def charge_renewal(client: PaymentsClient, subscription) -> str | None:
    key = f"renewal-{subscription.id}-{subscription.period_end:%Y%m%d}"
    for attempt in range(3):
        try:
            charge = client.charges.create(
                customer=subscription.customer_id,
                amount=subscription.amount_cents,
                currency=subscription.currency,
                idempotency_key=key,
            )
            return charge.id
        except (AuthenticationError, APIConnectionError) as exc:
            # key rotation sometimes lags behind the deploy by a few seconds
            log.warning("renewal %s attempt %d failed: %s", subscription.id, attempt + 1, exc)
            time.sleep(random.uniform(0, 2 ** attempt))
        except CardError as exc:
            log.info("card declined for %s: %s", subscription.id, exc.code)
            return None
    return None


def run_dunning(client, subscriptions):
    charged = 0
    for sub in subscriptions:
        if charge_renewal(client, sub):
            charged += 1
    log.info("dunning charged %d of %d", charged, len(subscriptions))
    return charged
