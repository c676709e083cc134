"""Open CaseForge cases for alerts raised by the transaction monitor."""
import logging
import uuid

import caseforge
from caseforge.exceptions import (
    CaseForgeError,
    ConflictError,
    NotFoundError,
    RateLimitError,
    ServerError,
    ValidationError,
)

log = logging.getLogger(__name__)

client = caseforge.Client(
    max_retries=3,
    timeout=30.0,
    retry_on_status=[429, 503],
)


class AlertDeferred(Exception):
    """Raised so the alert queue puts the alert back with a delay."""


def open_case(alert) -> str | None:
    idempotency_key = alert.idempotency_key or str(uuid.uuid4())
    alert.remember_idempotency_key(idempotency_key)
    try:
        case = client.cases.create(
            subject_id=alert.customer_id,
            case_type="transaction_monitoring",
            priority="high" if alert.score > 0.9 else "medium",
            summary=alert.summary,
            idempotency_key=idempotency_key,
        )
    except ConflictError:
        existing = client.cases.list(subject_id=alert.customer_id, status="open")
        return existing.data[0].id if existing.data else None
    except ValidationError as e:
        log.error("alert %s rejected on %s: %s", alert.id, e.param, e.message)
        return None
    except NotFoundError:
        log.error("customer %s unknown to CaseForge", alert.customer_id)
        return None
    except (RateLimitError, ServerError) as e:
        # the SDK already retried; hand the alert back to the queue
        raise AlertDeferred(str(e)) from e
    except CaseForgeError as e:
        log.exception("caseforge error [%s]", e.request_id)
        raise
    return case.id
