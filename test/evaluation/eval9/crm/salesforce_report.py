"""Downloads Salesforce report exports for the weekly revenue deck."""
import csv
import io

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry


def make_session(instance_url: str, token: str) -> requests.Session:
    session = requests.Session()
    retries = Retry(
        total=5,
        connect=3,
        backoff_factor=1.5,
        backoff_jitter=1.0,
        status_forcelist=(429, 500, 502, 503, 504),
        allowed_methods=frozenset(["GET", "HEAD"]),
    )
    session.mount(instance_url, HTTPAdapter(max_retries=retries))
    session.headers["Authorization"] = f"Bearer {token}"
    return session


def download_report(session: requests.Session, instance_url: str, report_id: str):
    resp = session.get(
        f"{instance_url}/services/data/v59.0/analytics/reports/{report_id}",
        params={"export": "1", "enc": "UTF-8", "xf": "csv"},
        timeout=60,
    )
    if resp.status_code == 404:
        return None
    resp.raise_for_status()
    return list(csv.DictReader(io.StringIO(resp.text)))


def weekly_rows(session, instance_url, report_ids):
    rows = []
    for report_id in report_ids:
        data = download_report(session, instance_url, report_id)
        if data is not None:
            rows.extend(data)
    return rows
