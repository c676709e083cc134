import logging
import time
from typing import Any

import httpx

log = logging.getLogger(__name__)

POLL_EVERY_SECONDS = 5
GIVE_UP_AFTER_SECONDS = 600


class ReportFailed(RuntimeError):
    pass


def request_report(client: httpx.Client, account_id: str, period: str) -> str:
    resp = client.post(f"/accounts/{account_id}/reports", json={"period": period, "format": "csv"})
    resp.raise_for_status()
    return resp.json()["report_id"]


def wait_for_report(client: httpx.Client, report_id: str) -> dict[str, Any]:
    """Poll the report until it is ready. Not a retry: every poll succeeds, the job just isn't done."""
    deadline = time.monotonic() + GIVE_UP_AFTER_SECONDS
    while time.monotonic() < deadline:
        resp = client.get(f"/reports/{report_id}")
        resp.raise_for_status()
        report = resp.json()
        state = report["state"]
        if state == "ready":
            return report
        if state == "failed":
            raise ReportFailed(report.get("error", "unknown error"))
        log.debug("report %s is %s (%s%%)", report_id, state, report.get("progress", 0))
        time.sleep(POLL_EVERY_SECONDS)
    raise TimeoutError(f"report {report_id} not ready after {GIVE_UP_AFTER_SECONDS}s")


def fetch_report(base_url: str, token: str, account_id: str, period: str) -> bytes:
    with httpx.Client(base_url=base_url, headers={"Authorization": f"Bearer {token}"}, timeout=30) as client:
        report_id = request_report(client, account_id, period)
        report = wait_for_report(client, report_id)
        download = client.get(report["download_url"])
        download.raise_for_status()
        return download.content
