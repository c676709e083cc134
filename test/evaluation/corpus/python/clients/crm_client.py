"""HubSpot-style CRM client used by the signup pipeline."""
import logging
import os

import requests
from tenacity import retry

log = logging.getLogger(__name__)

CRM_URL = os.environ.get("CRM_URL", "https://api.crm.example.com/crm/v3")
CRM_TOKEN = os.environ.get("CRM_TOKEN", "")


def _headers() -> dict:
    return {"Authorization": f"Bearer {CRM_TOKEN}", "Content-Type": "application/json"}


@retry
def create_contact(email: str, first_name: str, last_name: str, source: str = "signup") -> str:
    resp = requests.post(
        f"{CRM_URL}/objects/contacts",
        json={"properties": {"email": email, "firstname": first_name, "lastname": last_name, "source": source}},
        headers=_headers(),
        timeout=10,
    )
    resp.raise_for_status()
    contact_id = resp.json()["id"]
    log.info("created CRM contact %s for %s", contact_id, email)
    return contact_id


def find_contact(email: str) -> dict | None:
    resp = requests.post(
        f"{CRM_URL}/objects/contacts/search",
        json={"filterGroups": [{"filters": [{"propertyName": "email", "operator": "EQ", "value": email}]}]},
        headers=_headers(),
        timeout=10,
    )
    resp.raise_for_status()
    results = resp.json().get("results", [])
    return results[0] if results else None


def upsert_contact(email: str, first_name: str, last_name: str) -> str:
    existing = find_contact(email)
    if existing:
        return existing["id"]
    return create_contact(email, first_name, last_name)
