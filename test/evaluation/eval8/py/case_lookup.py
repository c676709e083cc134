import logging

import caseforge
from caseforge.exceptions import AuthenticationError, NetworkError, NotFoundError
from tenacity import (
    retry,
    retry_if_exception_type,
    stop_after_attempt,
    wait_random_exponential,
)

log = logging.getLogger(__name__)

client = caseforge.Client(max_retries=0, timeout=20.0)


@retry(
    retry=retry_if_exception_type((
        NetworkError,
        AuthenticationError,
    )),
    stop=stop_after_attempt(4),
    wait=wait_random_exponential(min=1, max=20),
    reraise=True,
)
def load_case(case_id: str) -> dict:
    case = client.cases.get(case_id)
    return {
        "id": case.id,
        "status": case.status,
        "priority": case.priority,
        "assignee": getattr(case, "assignee", None),
    }


def load_cases(case_ids):
    found = {}
    for case_id in case_ids:
        try:
            found[case_id] = load_case(case_id)
        except NotFoundError:
            log.info("case %s no longer exists", case_id)
    log.debug("loaded %d of %d cases", len(found), len(case_ids))
    return found
