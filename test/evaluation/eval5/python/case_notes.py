"""Updates and reads CaseForge case notes through the REST API."""
import random
import time

import requests

API = "https://api.caseforge.io/v1"


def _wait(resp: requests.Response, attempt: int) -> float:
    ra = resp.headers.get("Retry-After")
    if ra and ra.isdigit():
        return min(int(ra), 60)
    return random.uniform(0.5, min(30, 2 ** attempt))


def replace_note(session: requests.Session, case_id: str, note_id: str, text: str) -> dict:
    for attempt in range(5):
        resp = session.put(f"{API}/cases/{case_id}/notes/{note_id}", json={"text": text}, timeout=10)
        if resp.ok:
            return resp.json()
        if resp.status_code in (408, 409, 429, 500, 502, 503, 504) and attempt < 4:
            time.sleep(_wait(resp, attempt))
            continue
        resp.raise_for_status()
    raise RuntimeError("unreachable")


def get_report(session: requests.Session, report_id: str) -> dict:
    resp = session.get(f"{API}/reports/{report_id}", timeout=10)
    if resp.status_code == 503:
        time.sleep(min(int(resp.headers.get("Retry-After", "5")), 60))
        return get_report(session, report_id)
    resp.raise_for_status()
    return resp.json()
