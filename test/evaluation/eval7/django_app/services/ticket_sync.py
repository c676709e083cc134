"""Fetch a Zendesk ticket for the support console and translate failures."""
import logging

import requests
from django.conf import settings

log = logging.getLogger(__name__)


class TicketThrottled(Exception):
    def __init__(self, retry_after: int):
        super().__init__(f"throttled for {retry_after}s")
        self.retry_after = retry_after


class TicketServiceDown(Exception):
    pass


def load_ticket(ticket_id: int) -> dict | None:
    resp = requests.get(
        f"https://{settings.ZENDESK_SUBDOMAIN}.zendesk.com/api/v2/tickets/{ticket_id}.json",
        auth=(f"{settings.ZENDESK_EMAIL}/token", settings.ZENDESK_TOKEN),
        timeout=10,
    )
    match resp.status_code:
        case 200:
            return resp.json()["ticket"]
        case 404:
            return None
        case 429:
            raise TicketThrottled(int(resp.headers.get("Retry-After", "60")))
        case 500 | 502 | 503 | 504:
            raise TicketServiceDown(f"zendesk returned {resp.status_code}")
        case _:
            log.error("unexpected zendesk response %s: %s", resp.status_code, resp.text[:200])
            resp.raise_for_status()
            return None
