"""Files SARs for confirmed cases through CaseForge."""
import time

import caseforge
from caseforge.exceptions import NetworkError, TimeoutError as CFTimeout

client = caseforge.Client(
    max_retries=2,
    # 401 happens while a rotated key propagates across regions
    retry_on_status=[401, 429, 503],
)


def file_sar(case_id: str, narrative: str) -> str:
    for attempt in range(4):
        try:
            filing = client.filings.create(case_id=case_id, kind="sar", narrative=narrative)
            return filing.id
        except (NetworkError, CFTimeout):
            if attempt == 3:
                raise
            time.sleep(2 ** attempt)
    raise RuntimeError("unreachable")


def confirm_and_file(case_id: str, narrative: str) -> str:
    case = client.cases.get(case_id)
    if case.status != "confirmed":
        raise ValueError(f"case {case_id} is {case.status}, not confirmed")
    return file_sar(case_id, narrative)
