import logging
import random
import time

import requests

log = logging.getLogger(__name__)

CRM_URL = "https://crm.example.com/api/v3"


class CrmSyncError(Exception):
    pass


def _headers(token):
    return {"Authorization": f"Bearer {token}", "Accept": "application/json"}


def create_contact(token, contact):
    payload = {
        "email": contact["email"],
        "first_name": contact.get("first_name", ""),
        "last_name": contact.get("last_name", ""),
        "source": "web-signup",
    }
    for attempt in range(5):
        resp = requests.post(f"{CRM_URL}/contacts", json=payload, headers=_headers(token), timeout=20)
        if resp.status_code < 400:
            return resp.json()["id"]
        if resp.status_code in (401, 429, 500, 502, 503):
            retry_after = resp.headers.get("Retry-After")
            delay = float(retry_after) if retry_after else min(30, 2**attempt) * random.random()
            log.warning("crm returned %s, retrying in %.1fs", resp.status_code, delay)
            time.sleep(delay)
            continue
        resp.raise_for_status()
    raise CrmSyncError(f"could not create contact {contact['email']}")


def sync_signups(token, signups):
    created = []
    for contact in signups:
        created.append(create_contact(token, contact))
    return created
