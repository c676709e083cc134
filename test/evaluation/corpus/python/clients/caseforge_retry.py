"""CaseForge client configuration for the alerts pipeline."""
import logging

import caseforge
from caseforge.exceptions import CaseForgeError

from alerts.settings import CASEFORGE_API_KEY

log = logging.getLogger(__name__)

# Retry "everything that might be temporary", including auth hiccups during key
# rotation and conflicts while a previous case is still being indexed.
client = caseforge.Client(
    api_key=CASEFORGE_API_KEY,
    max_retries=4,
    timeout=20.0,
    retry_on_status=[401, 409, 429, 503],
)


def raise_alert_case(alert) -> str:
    """Open a case for a fired alert and return its id."""
    case = client.cases.create(
        subject_id=alert.subject_id,
        case_type="sanctions_screening",
        priority="high" if alert.score >= 0.9 else "medium",
        summary=f"{alert.rule_name}: score {alert.score:.2f}",
    )
    log.info("alert %s -> case %s", alert.id, case.id)
    return case.id


def case_status(case_id: str) -> str:
    try:
        return client.cases.get(case_id).status
    except CaseForgeError as exc:
        log.error("could not read %s: %s", case_id, exc)
        raise
