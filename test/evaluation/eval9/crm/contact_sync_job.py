"""Pushes contact changes to the CRM; failed pushes go back on the queue with a delay."""
import logging
import random

import requests

from jobs.queue import dead_letter, enqueue

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 6
CRM_URL = "https://crm.example.com/api/v3/contacts"


def _delay_for(resp, attempts):
    retry_after = resp.headers.get("Retry-After") if resp is not None else None
    if retry_after and retry_after.isdigit():
        return int(retry_after)
    return min(600, 2 ** attempts) * random.uniform(0.5, 1.0)


def handle(job, session=None):
    session = session or requests.Session()
    contact = job.payload
    resp = session.put(f"{CRM_URL}/{contact['external_id']}", json=contact, timeout=15)

    if resp.ok:
        log.info("synced contact %s", contact["external_id"])
        return

    if job.attempts + 1 >= MAX_ATTEMPTS:
        dead_letter(job, reason=f"status {resp.status_code}")
        return

    if resp.status_code == 429 or resp.status_code >= 500:
        enqueue("crm.contact_sync", contact, attempts=job.attempts + 1, delay=_delay_for(resp, job.attempts))
    elif resp.status_code in (400, 422):
        dead_letter(job, reason=resp.text[:500])
    else:
        resp.raise_for_status()
