"""Forwards ticket events from the helpdesk to partner endpoints."""
import logging
import time

import httpx

log = logging.getLogger(__name__)

TRANSIENT = (429, 500, 502, 503)


def forward_event(client: httpx.Client, endpoint: str, event: dict) -> None:
    headers = {
        "Idempotency-Key": event["id"],
        "X-Event-Type": event["type"],
    }
    while True:
        try:
            resp = client.post(endpoint, json=event, headers=headers, timeout=10.0)
            resp.raise_for_status()
            log.info("forwarded %s to %s", event["id"], endpoint)
            return
        except httpx.HTTPStatusError as exc:
            if exc.response.status_code in (429, 500, 502, 503):
                log.warning("partner busy (%s), retrying", exc.response.status_code)
                time.sleep(5)
                continue
            raise


def forward_all(endpoints, event):
    with httpx.Client() as client:
        for endpoint in endpoints:
            try:
                forward_event(client, endpoint, event)
            except httpx.HTTPError:
                log.exception("could not forward %s to %s", event["id"], endpoint)
