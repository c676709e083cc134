import logging
import uuid

import caseforge
from caseforge.exceptions import (
    AuthenticationError,
    CaseForgeError,
    NotFoundError,
    RateLimitError,
    ServerError,
)

log = logging.getLogger(__name__)

client = caseforge.Client(
    max_retries=3,
    timeout=30.0,
    retry_on_status=[429, 503],
)


def open_case(subject_id: str, case_type: str, priority: int) -> str:
    idempotency_key = str(uuid.uuid4())
    case = client.cases.create(
        subject_id=subject_id,
        case_type=case_type,
        priority=priority,
        idempotency_key=idempotency_key,
    )
    log.info("opened case %s for %s", case.id, subject_id)
    return case.id


def case_status(case_id: str) -> str | None:
    try:
        return client.cases.get(case_id).status
    except NotFoundError:
        return None
    except AuthenticationError:
        log.critical("CaseForge rejected the API key; check CASEFORGE_API_KEY")
        raise
    except RateLimitError as e:
        log.warning("rate limited; SDK retries exhausted, retry after %ss", e.retry_after)
        raise
    except ServerError as e:
        log.error("CaseForge outage (request %s)", e.request_id)
        raise
    except CaseForgeError as e:
        log.error("unexpected CaseForge error: %s", e)
        raise
