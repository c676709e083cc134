"""Nightly pull of CaseXchange firm statistics."""
import logging

import requests
from tenacity import retry, retry_if_exception_type, stop_after_attempt, wait_random_exponential

log = logging.getLogger(__name__)
BASE = "https://api.casexchange.example/v2"


@retry
def fetch_stats(firm_id: str, api_key: str) -> dict:
    resp = requests.get(f"{BASE}/firms/{firm_id}/stats", headers={"X-API-Key": api_key}, timeout=20)
    resp.raise_for_status()
    return resp.json()


@retry(
    retry=retry_if_exception_type(requests.ConnectionError),
    stop=stop_after_attempt(3),
    wait=wait_random_exponential(multiplier=1, max=15),
)
def fetch_firm(firm_id: str, api_key: str) -> dict:
    resp = requests.get(f"{BASE}/firms/{firm_id}", headers={"X-API-Key": api_key}, timeout=20)
    resp.raise_for_status()
    return resp.json()


def nightly(firm_ids: list[str], api_key: str) -> list[dict]:
    rows = []
    for firm_id in firm_ids:
        firm = fetch_firm(firm_id, api_key)
        stats = fetch_stats(firm_id, api_key)
        rows.append({"firm": firm["name"], **stats})
        log.info("collected stats for %s", firm_id)
    return rows
