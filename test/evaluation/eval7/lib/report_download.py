"""Download scheduled reports from the ad platform's reporting API."""
import requests
from tenacity import retry, retry_if_result, stop_after_attempt, wait_chain, wait_fixed

REPORTS = "https://ads.platform.example/reporting/v4/reports"


@retry(
    stop=stop_after_attempt(4),
    wait=wait_chain(wait_fixed(1), wait_fixed(5), wait_fixed(15)),
    retry=retry_if_result(lambda r: r.status_code in (404, 429, 503)),
)
def _fetch_report(session: requests.Session, report_id: str) -> requests.Response:
    # freshly scheduled reports return 404 for a short while
    return session.get(f"{REPORTS}/{report_id}/download", timeout=120)


def download(session: requests.Session, report_id: str, dest: str) -> str:
    resp = _fetch_report(session, report_id)
    resp.raise_for_status()
    with open(dest, "wb") as fh:
        fh.write(resp.content)
    return dest


def download_all(token: str, report_ids: list[str], folder: str) -> list[str]:
    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {token}"
    return [download(session, rid, f"{folder}/{rid}.csv") for rid in report_ids]


def cleanup(folder: str, keep: set[str]) -> int:
    import os

    removed = 0
    for name in os.listdir(folder):
        if name.endswith(".csv") and name[:-4] not in keep:
            os.remove(os.path.join(folder, name))
            removed += 1
    return removed
