"""CaseHug matter sync. Throttled responses carry the wait in the JSON body as well as the header."""
import random
import time

import requests

BASE = "https://api.calmintake.com/v1"
CAP_SECONDS = 30.0


def _wait_seconds(resp: requests.Response, attempt: int) -> float:
    try:
        body_wait = resp.json()["error"]["details"]["retry_after"]
    except (ValueError, KeyError, TypeError):
        body_wait = None
    header_wait = resp.headers.get("Retry-After")
    if body_wait is not None:
        return min(float(body_wait), CAP_SECONDS)
    if header_wait is not None:
        return min(float(header_wait), CAP_SECONDS)
    return random.uniform(0, min(CAP_SECONDS, 2 ** attempt))


def fetch_matters(api_key: str, page: int) -> list[dict]:
    retries_left = 4
    attempt = 0
    while retries_left > 0:
        retries_left -= 1
        resp = requests.get(
            f"{BASE}/matters",
            params={"page": page},
            headers={"X-Api-Key": api_key},
            timeout=15,
        )
        if resp.ok:
            return resp.json()["data"]
        if resp.status_code in (429, 502, 503) and retries_left > 0:
            time.sleep(_wait_seconds(resp, attempt))
            attempt += 1
            continue
        resp.raise_for_status()
    raise RuntimeError("matters sync gave up")


def fetch_all(api_key: str) -> list[dict]:
    matters: list[dict] = []
    page = 1
    while True:
        batch = fetch_matters(api_key, page)
        if not batch:
            return matters
        matters.extend(batch)
        page += 1
