import logging

import backoff
import caseforge

log = logging.getLogger(__name__)

client = caseforge.Client(max_retries=0, timeout=30.0)


def _log_backoff(details):
    log.warning(
        "CaseForge call failed, retrying in %.1fs (try %d)", details["wait"], details["tries"]
    )


@backoff.on_exception(backoff.expo, Exception, max_tries=5, on_backoff=_log_backoff)
def open_case(subject_id: str, case_type: str, priority: int = 3) -> str:
    case = client.cases.create(
        subject_id=subject_id,
        case_type=case_type,
        priority=priority,
    )
    return case.id


def open_cases_for_alerts(alerts: list[dict]) -> list[str]:
    opened = []
    for alert in alerts:
        if alert["score"] < 0.8:
            continue
        opened.append(open_case(alert["subject_id"], "transaction_monitoring", priority=2))
    return opened
