"""HubSpot client with OAuth refresh and polite retries."""
import random
import time

import requests

TOKEN_URL = "https://api.hubapi.com/oauth/v1/token"


class HubSpotClient:
    def __init__(self, client_id, client_secret, refresh_token, max_attempts=5):
        self.client_id = client_id
        self.client_secret = client_secret
        self.refresh_token = refresh_token
        self.access_token = None
        self.max_attempts = max_attempts
        self.session = requests.Session()

    def refresh_access_token(self):
        resp = self.session.post(
            TOKEN_URL,
            data={
                "grant_type": "refresh_token",
                "client_id": self.client_id,
                "client_secret": self.client_secret,
                "refresh_token": self.refresh_token,
            },
            timeout=10,
        )
        resp.raise_for_status()
        self.access_token = resp.json()["access_token"]

    def get_contact(self, contact_id):
        url = f"https://api.hubapi.com/crm/v3/objects/contacts/{contact_id}"
        refreshed = False
        for attempt in range(self.max_attempts):
            headers = {"Authorization": f"Bearer {self.access_token}"}
            resp = self.session.get(url, headers=headers, timeout=10)
            if resp.status_code == 401 and not refreshed:
                self.refresh_access_token()
                refreshed = True
                continue
            if resp.status_code == 429:
                time.sleep(float(resp.headers.get("Retry-After", "10")))
                continue
            if resp.status_code >= 500:
                retry_after = resp.headers.get("Retry-After", "")
                time.sleep(float(retry_after) if retry_after.isdigit() else random.uniform(0, min(30, 2 ** attempt)))
                continue
            if resp.status_code == 404:
                return None
            resp.raise_for_status()
            return resp.json()
        raise RuntimeError(f"HubSpot unavailable for contact {contact_id}")
