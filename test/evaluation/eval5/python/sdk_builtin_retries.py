"""Opens CaseForge cases and charges the filing fee; both SDKs retry transient failures themselves."""
import uuid

import caseforge
import stripe
from caseforge.exceptions import (
    CaseForgeError,
    NotFoundError,
    RateLimitError,
    ServerError,
    ValidationError,
)

client = caseforge.Client(
    max_retries=3,
    timeout=30.0,
    retry_on_status=[429, 503],
)
stripe.max_network_retries = 2


def open_case(subject_id: str, summary: str) -> dict | None:
    idempotency_key = str(uuid.uuid4())
    try:
        return client.cases.create(
            subject_id=subject_id,
            case_type="transaction_monitoring",
            priority="high",
            summary=summary,
            idempotency_key=idempotency_key,
        )
    except ValidationError as e:
        raise ValueError(f"invalid {e.param}: {e.message}") from e
    except NotFoundError:
        return None
    except RateLimitError as e:
        raise RuntimeError(f"still throttled after SDK retries, retry after {e.retry_after}s") from e
    except ServerError as e:
        raise RuntimeError(f"CaseForge unavailable (request {e.request_id})") from e
    except CaseForgeError as e:
        raise RuntimeError(f"CaseForge error: {e}") from e


def charge_fee(customer_id: str, amount_cents: int, order_id: str):
    return stripe.PaymentIntent.create(
        customer=customer_id,
        amount=amount_cents,
        currency="usd",
        idempotency_key=f"filing-fee-{order_id}",
    )
