"""Pulls new referrals from CaseXchange for the intake queue."""
import random
import time

import httpx
import requests

BASE = "https://api.casexchange.example/v2"


def _backoff(attempt: int, retry_after: str | None) -> float:
    if retry_after:
        return min(float(retry_after), 30.0)
    return random.uniform(0, min(30.0, 0.5 * 2 ** attempt))


def list_new_referrals(client: httpx.Client, since: str) -> list[dict]:
    for attempt in range(4):
        resp = client.get(f"{BASE}/referrals", params={"since": since, "status": "new"})
        if resp.status_code == 200:
            return resp.json()["data"]
        if resp.status_code in {401, 429, 502, 503} and attempt < 3:
            time.sleep(_backoff(attempt, resp.headers.get("Retry-After")))
            continue
        resp.raise_for_status()
    raise RuntimeError("unreachable")


def get_referral_documents(api_key: str, referral_id: str) -> list[dict]:
    attempts = 0
    while attempts < 3:
        try:
            resp = requests.get(
                f"{BASE}/referrals/{referral_id}/documents",
                headers={"X-API-Key": api_key},
                timeout=10,
            )
            resp.raise_for_status()
            return resp.json()["data"]
        except Exception:
            attempts += 1
            time.sleep(random.uniform(0, 2 ** attempts))
    raise RuntimeError(f"documents for {referral_id} unavailable")
