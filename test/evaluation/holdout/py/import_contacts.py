"""manage.py import_contacts — pulls contacts from the CRM into the Contact table."""
import time

import requests
from django.conf import settings
from django.core.management.base import BaseCommand

from contacts.models import Contact


def fetch_page(url: str, token: str) -> dict:
    while True:
        try:
            resp = requests.get(url, headers={"Authorization": f"Token {token}"}, timeout=30)
            resp.raise_for_status()
            return resp.json()
        except Exception as exc:  # noqa: BLE001
            print(f"CRM request failed ({exc}); retrying in 5s")
            time.sleep(5)


class Command(BaseCommand):
    help = "Import contacts from the CRM"

    def add_arguments(self, parser):
        parser.add_argument("--since", default=None, help="only contacts changed after this ISO date")

    def handle(self, *args, **options):
        url = f"{settings.CRM_URL}/api/contacts/?page_size=200"
        if options["since"]:
            url += f"&modified_after={options['since']}"
        created = updated = 0
        while url:
            page = fetch_page(url, settings.CRM_TOKEN)
            for row in page["results"]:
                _, was_created = Contact.objects.update_or_create(
                    crm_id=row["id"],
                    defaults={"email": row["email"], "name": row["full_name"]},
                )
                created += was_created
                updated += not was_created
            url = page.get("next")
        self.stdout.write(self.style.SUCCESS(f"{created} created, {updated} updated"))
