"""Thin service layer over the CaseForge SDK used by the compliance worker."""
from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from typing import Optional

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


@dataclass
class CaseOutcome:
    case_id: Optional[str]
    status: str
    detail: str = ""


def open_case(subject_id: str, summary: str, priority: str = "medium") -> CaseOutcome:
    idempotency_key = str(uuid.uuid4())
    try:
        case = client.cases.create(
            subject_id=subject_id,
            case_type="transaction_monitoring",
            priority=priority,
            summary=summary,
            idempotency_key=idempotency_key,
        )
    except ConflictError:
        existing = client.cases.list(subject_id=subject_id, status="open", limit=1)
        return CaseOutcome(existing[0].id if existing else None, "exists")
    except ValidationError as e:
        return CaseOutcome(None, "invalid", f"{e.param}: {e.message}")
    except RateLimitError as e:
        log.warning("rate limited after SDK retries; retry after %ss", e.retry_after)
        return CaseOutcome(None, "deferred", str(e.retry_after))
    except ServerError as e:
        log.error("caseforge outage [%s]", e.request_id)
        return CaseOutcome(None, "deferred", e.request_id)
    except CaseForgeError:
        log.exception("unexpected caseforge error")
        raise
    return CaseOutcome(case.id, "created")


def get_case(case_id: str):
    try:
        return client.cases.get(case_id)
    except NotFoundError:
        return None
