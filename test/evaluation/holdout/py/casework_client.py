"""Casework API client: Retry-After x 2^attempt, at most 3 retries, never retry 401/403."""
import random
import time

import requests

API = "https://api.casework.example/v1"
MAX_RETRIES = 3


class CaseworkError(Exception):
    def __init__(self, status: int, error: str):
        super().__init__(f"{status}: {error}")
        self.status = status


def _request(session: requests.Session, method: str, path: str, **kw) -> requests.Response:
    for attempt in range(MAX_RETRIES + 1):
        resp = session.request(method, f"{API}{path}", timeout=20, **kw)
        if resp.status_code in (401, 403):
            raise CaseworkError(resp.status_code, "check the API key and its permissions")
        if resp.status_code == 429 or resp.status_code >= 500:
            if attempt == MAX_RETRIES:
                raise CaseworkError(resp.status_code, resp.json().get("error", "gave up"))
            retry_after = int(resp.headers.get("Retry-After", "1"))
            time.sleep(min(retry_after * 2 ** attempt, 60) + random.uniform(0, 1))
            continue
        if not resp.ok:
            raise CaseworkError(resp.status_code, resp.json().get("error", "request failed"))
        if int(resp.headers.get("X-RateLimit-Remaining", "100")) < 10:
            time.sleep(1)
        return resp
    raise RuntimeError("unreachable")


def create_note(session: requests.Session, case_id: str, text: str) -> dict:
    # Casework has no idempotency keys: look before re-posting instead of retrying the POST
    existing = _request(session, "GET", f"/cases/{case_id}/notes", params={"q": text[:50]}).json()
    if any(n["text"] == text for n in existing.get("notes", [])):
        return existing["notes"][0]
    resp = session.post(f"{API}/cases/{case_id}/notes", json={"text": text}, timeout=20)
    if resp.status_code == 409:
        raise CaseworkError(409, "duplicate note")
    resp.raise_for_status()
    return resp.json()
