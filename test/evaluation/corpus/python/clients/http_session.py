"""Shared requests session with connection pooling and transport-level retries."""
import logging
import os

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

logger = logging.getLogger("partners.http")

DEFAULT_TIMEOUT = (3.05, 27)
POOL_SIZE = 20


def build_session(api_key: str) -> requests.Session:
    retry = Retry(
        total=5,
        connect=3,
        backoff_factor=0.5,
        backoff_jitter=0.3,
        backoff_max=30,
        status_forcelist=[429, 500, 502, 503, 504],
        allowed_methods=frozenset({"GET", "HEAD", "PUT", "DELETE"}),
        respect_retry_after_header=True,
        raise_on_status=False,
    )
    adapter = HTTPAdapter(max_retries=retry, pool_connections=POOL_SIZE, pool_maxsize=POOL_SIZE)
    session = requests.Session()
    session.mount("https://", adapter)
    session.headers.update({"Authorization": f"Bearer {api_key}", "User-Agent": "partners-sync/2.3"})
    return session


session = build_session(os.environ.get("PARTNER_API_KEY", ""))
BASE_URL = os.environ.get("PARTNER_API_URL", "https://partners.example.com/api")


def get_partner(partner_id: str) -> dict:
    resp = session.get(f"{BASE_URL}/partners/{partner_id}", timeout=DEFAULT_TIMEOUT)
    resp.raise_for_status()
    return resp.json()


def create_referral(partner_id: str, lead: dict) -> dict:
    # POST is not in allowed_methods, so the adapter never replays it.
    resp = session.post(f"{BASE_URL}/partners/{partner_id}/referrals", json=lead, timeout=DEFAULT_TIMEOUT)
    resp.raise_for_status()
    logger.info("referral created for %s", partner_id)
    return resp.json()
