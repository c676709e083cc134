"""Registers device tokens with the push provider."""
import os

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

PUSH_BASE = os.environ.get("PUSH_BASE_URL", "https://push.example.net/v1")


def build_session(token):
    retry = Retry(
        total=4,
        backoff_factor=0.5,
        backoff_jitter=0.3,
        status_forcelist=[401, 429, 502, 503, 504],
        allowed_methods=frozenset({"GET", "PUT", "DELETE"}),
        respect_retry_after_header=True,
    )
    session = requests.Session()
    session.mount("https://", HTTPAdapter(max_retries=retry))
    session.headers.update({"Authorization": f"Key {token}"})
    return session


class PushRegistry:
    def __init__(self, token):
        self.session = build_session(token)

    def register(self, user_id, device_token, platform):
        resp = self.session.put(
            f"{PUSH_BASE}/devices/{device_token}",
            json={"user": user_id, "platform": platform},
            timeout=5,
        )
        resp.raise_for_status()
        return resp.json()

    def unregister(self, device_token):
        resp = self.session.delete(f"{PUSH_BASE}/devices/{device_token}", timeout=5)
        if resp.status_code == 404:
            return False
        resp.raise_for_status()
        return True
