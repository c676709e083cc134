"""Reads CaseXchange referrals. Only connection problems are retried; HTTP errors are final."""
import httpx
from tenacity import (
    retry,
    retry_if_exception_type,
    stop_after_attempt,
    wait_random_exponential,
)

BASE_URL = "https://api.casexchange.example/v2"


class ReferralNotFound(Exception):
    pass


@retry(
    retry=retry_if_exception_type((httpx.ConnectError, httpx.ReadTimeout)),
    stop=stop_after_attempt(4),
    wait=wait_random_exponential(multiplier=0.5, max=20),
    reraise=True,
)
def _get(client: httpx.Client, path: str) -> httpx.Response:
    return client.get(f"{BASE_URL}{path}")


def get_referral(client: httpx.Client, referral_id: str) -> dict:
    resp = _get(client, f"/referrals/{referral_id}")
    if resp.status_code == 404:
        raise ReferralNotFound(referral_id)
    resp.raise_for_status()
    return resp.json()


def list_referrals(client: httpx.Client, firm_id: str) -> list[dict]:
    resp = _get(client, f"/firms/{firm_id}/referrals")
    resp.raise_for_status()
    return resp.json()["data"]


def main() -> None:
    with httpx.Client(headers={"X-API-Key": "..."}, timeout=10.0) as client:
        for referral in list_referrals(client, "firm_123"):
            print(referral["id"], referral["status"])


if __name__ == "__main__":
    main()
