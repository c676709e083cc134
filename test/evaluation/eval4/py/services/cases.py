import logging
import uuid

import caseforge
from caseforge.exceptions import (
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


def file_case(subject_id: str, case_type: str, priority: int) -> str | None:
    idempotency_key = str(uuid.uuid4())
    try:
        case = client.cases.create(
            subject_id=subject_id,
            case_type=case_type,
            priority=priority,
            idempotency_key=idempotency_key,
        )
        return case.id
    except ConflictError as e:
        log.info("subject %s already has an open %s case: %s", subject_id, case_type, e.message)
        return None
    except ValidationError as e:
        raise ValueError(f"invalid case field {e.param}: {e.message}") from e
    except RateLimitError as e:
        log.warning("CaseForge rate limit still hit after SDK retries; retry after %ss", e.retry_after)
        raise
    except ServerError:
        log.error("CaseForge unavailable (request %s)", idempotency_key)
        raise


def case_status(case_id: str) -> str:
    try:
        return client.cases.get(case_id).status
    except NotFoundError:
        return "unknown"


def describe(case_id: str) -> str:
    status = case_status(case_id)
    return f"case {case_id} is {status}" if status != "unknown" else f"no case {case_id}"
