import logging
import uuid

import caseforge
from caseforge.exceptions import (
    CaseForgeError,
    ConflictError,
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


def open_case(subject_id: str, summary: str, priority: str = "high"):
    idempotency_key = str(uuid.uuid4())
    try:
        return client.cases.create(
            subject_id=subject_id,
            case_type="transaction_monitoring",
            priority=priority,
            summary=summary,
            idempotency_key=idempotency_key,
        )
    except ConflictError:
        existing = client.cases.list(subject_id=subject_id, status="open")
        return existing.data[0]
    except ValidationError as e:
        log.error("case rejected: %s (%s)", e.message, e.param)
        return None
    except RateLimitError as e:
        log.warning("rate limited after SDK retries; next window in %ss", e.retry_after)
        raise
    except ServerError as e:
        log.error("CaseForge outage [%s]", e.request_id)
        raise
    except CaseForgeError as e:
        log.exception("unexpected CaseForge error [%s]", e.request_id)
        raise
