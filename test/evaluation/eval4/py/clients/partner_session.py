import os

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

PARTNER_API = os.environ.get("PARTNER_API", "https://partner.example.com/api")


class PartnerClient:
    def __init__(self, token: str):
        retries = Retry(
            total=5,
            backoff_factor=0.5,
            backoff_jitter=0.25,
            status_forcelist=[403, 429, 500, 502, 503, 504],
            allowed_methods=frozenset({"GET", "POST"}),
        )
        self.session = requests.Session()
        self.session.mount("https://", HTTPAdapter(max_retries=retries))
        self.session.headers.update({"Authorization": f"Bearer {token}"})

    def get_account(self, account_id: str) -> dict:
        resp = self.session.get(f"{PARTNER_API}/accounts/{account_id}", timeout=10)
        resp.raise_for_status()
        return resp.json()

    def create_referral(self, account_id: str, email: str) -> dict:
        resp = self.session.post(
            f"{PARTNER_API}/accounts/{account_id}/referrals",
            json={"email": email},
            timeout=10,
        )
        resp.raise_for_status()
        return resp.json()
