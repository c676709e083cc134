"""Pull HubSpot contacts into the local CRM mirror.

Usage: ./manage.py sync_hubspot_contacts --since 2024-01-01
"""
import logging

import requests
from django.conf import settings
from django.core.management.base import BaseCommand
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from crm.models import Contact

logger = logging.getLogger(__name__)

HUBSPOT_BASE = "https://api.hubapi.com"


def build_session() -> requests.Session:
    retry = Retry(
        total=5,
        backoff_factor=0.5,
        backoff_jitter=0.3,
        status_forcelist=[429, 500, 502, 503, 504],
        allowed_methods=["GET"],
        respect_retry_after_header=True,
        raise_on_status=False,
    )
    session = requests.Session()
    session.mount("https://", HTTPAdapter(max_retries=retry))
    session.headers["Authorization"] = f"Bearer {settings.HUBSPOT_TOKEN}"
    return session


class Command(BaseCommand):
    help = "Mirror HubSpot contacts updated since a given date"

    def add_arguments(self, parser):
        parser.add_argument("--since", required=True)
        parser.add_argument("--page-size", type=int, default=100)

    def handle(self, *args, **options):
        session = build_session()
        after = None
        synced = 0
        while True:
            params = {"limit": options["page_size"], "updatedAfter": options["since"]}
            if after:
                params["after"] = after
            resp = session.get(f"{HUBSPOT_BASE}/crm/v3/objects/contacts", params=params, timeout=30)
            if resp.status_code == 404:
                logger.warning("contacts endpoint not available for this portal")
                return
            resp.raise_for_status()
            body = resp.json()
            for item in body.get("results", []):
                Contact.objects.update_or_create(
                    hubspot_id=item["id"],
                    defaults={"email": item["properties"].get("email", "")},
                )
                synced += 1
            after = body.get("paging", {}).get("next", {}).get("after")
            if not after:
                break
        self.stdout.write(self.style.SUCCESS(f"synced {synced} contacts"))
