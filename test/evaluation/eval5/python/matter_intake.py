"""Creates CaseHug matters from web-form submissions."""
import random
import time

import httpx
import requests
from tenacity import retry, retry_if_exception_type, stop_after_attempt, wait_random_exponential

MATTERS = "https://api.calmintake.com/v1/matters"


def _pause(resp: requests.Response, attempt: int) -> None:
    header = resp.headers.get("Retry-After")
    if header is not None:
        time.sleep(min(int(header), 30))
    else:
        time.sleep(random.uniform(0, min(20, 2 ** attempt)))


def create_matter(form: dict, api_key: str) -> dict:
    for attempt in range(4):
        resp = requests.post(MATTERS, json=form, headers={"X-Api-Key": api_key}, timeout=15)
        if resp.status_code == 201:
            return resp.json()
        if resp.status_code in (429, 500, 502, 503) and attempt < 3:
            _pause(resp, attempt)
            continue
        resp.raise_for_status()
    raise RuntimeError("unreachable")


@retry(
    retry=retry_if_exception_type(httpx.TransportError),
    stop=stop_after_attempt(3),
    wait=wait_random_exponential(multiplier=0.5, max=10),
)
def set_practice_area(matter_id: str, area: str, api_key: str) -> dict:
    resp = httpx.patch(f"{MATTERS}/{matter_id}", json={"practice_area": area}, headers={"X-Api-Key": api_key})
    resp.raise_for_status()
    return resp.json()
