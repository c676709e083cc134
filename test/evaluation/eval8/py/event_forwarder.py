import logging
import os
import time
import uuid

import requests

log = logging.getLogger(__name__)

EVENTS_URL = os.environ.get("EVENTS_URL", "https://events.example.com/v1/events")
MAX_ATTEMPTS = 5


def send_event(payload, idempotency_key, attempt=0):
    resp = requests.post(
        EVENTS_URL,
        json=payload,
        headers={"Idempotency-Key": idempotency_key},
        timeout=10,
    )
    if resp.status_code in (404, 429) or resp.status_code >= 500:
        if attempt >= MAX_ATTEMPTS:
            resp.raise_for_status()
        log.warning("event %s got %s, retrying", payload.get("id"), resp.status_code)
        time.sleep(2**attempt)
        return send_event(payload, idempotency_key, attempt + 1)
    resp.raise_for_status()
    return resp.json()


def forward(events):
    sent = 0
    for event in events:
        key = event.get("id") or str(uuid.uuid4())
        send_event(event, key)
        sent += 1
    log.info("forwarded %d events", sent)
    return sent
