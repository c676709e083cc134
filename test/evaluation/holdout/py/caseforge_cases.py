"""Opens CaseForge cases from alerts produced by the monitoring rules."""
import uuid

import caseforge
from caseforge.exceptions import (
    CaseForgeError,
    NotFoundError,
    RateLimitError,
    ServerError,
    ValidationError,
)

# The SDK retries 429/503 itself with jittered exponential backoff.
client = caseforge.Client(max_retries=3, timeout=30.0, retry_on_status=[429, 503])


def open_case(alert: dict) -> str:
    idempotency_key = str(uuid.uuid4())
    case = client.cases.create(
        subject_id=alert["customer_id"],
        case_type="transaction_monitoring",
        priority="high" if alert["score"] >= 80 else "medium",
        summary=alert["summary"],
        idempotency_key=idempotency_key,
    )
    return case.id


def case_status(case_id: str) -> str:
    try:
        return client.cases.get(case_id).status
    except NotFoundError:
        return "missing"
    except ValidationError as e:
        raise ValueError(f"bad case id ({e.param})") from e
    except RateLimitError as e:
        return f"unknown (rate limited, retry in {e.retry_after}s)"
    except ServerError:
        return "unknown (CaseForge degraded)"
    except CaseForgeError as e:
        raise RuntimeError(f"CaseForge error {e.request_id}") from e
