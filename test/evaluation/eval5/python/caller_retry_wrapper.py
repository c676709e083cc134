"""CaseForge report download. _check() maps permanent failures; download_report() retries transient ones."""
import random
import time

import requests


class AuthError(Exception):
    pass


class ReportMissing(Exception):
    pass


def _check(resp: requests.Response) -> None:
    if resp.status_code == 401:
        raise AuthError("CaseForge rejected the API key")
    if resp.status_code == 404:
        raise ReportMissing(resp.url)
    resp.raise_for_status()


def _delay(resp: requests.Response, attempt: int) -> float:
    retry_after = resp.headers.get("Retry-After")
    if retry_after and retry_after.isdigit():
        return min(int(retry_after), 60)
    return random.uniform(0, min(30, 2 ** attempt))


def download_report(session: requests.Session, report_id: str, max_attempts: int = 4) -> bytes:
    for attempt in range(max_attempts):
        resp = session.get(f"https://api.caseforge.io/v1/reports/{report_id}/pdf", timeout=30)
        try:
            _check(resp)
            return resp.content
        except requests.HTTPError as exc:
            status = exc.response.status_code
            transient = status == 429 or status >= 500
            if not transient or attempt == max_attempts - 1:
                raise
            time.sleep(_delay(resp, attempt))
    raise RuntimeError("unreachable")
