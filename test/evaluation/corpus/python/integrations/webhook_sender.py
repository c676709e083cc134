"""Outbound webhooks for partner integrations."""
import hashlib
import hmac
import json
import logging
import time

import backoff
import requests

from integrations.models import Subscription

logger = logging.getLogger(__name__)

USER_AGENT = "acme-webhooks/1.4"


def _signature(secret: str, body: bytes, timestamp: int) -> str:
    mac = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256)
    return mac.hexdigest()


def _log_backoff(details):
    logger.warning("webhook delivery retry %d after %.1fs", details["tries"], details["wait"])


@backoff.on_exception(backoff.expo, Exception, max_tries=None, max_value=300, on_backoff=_log_backoff)
def deliver(subscription: Subscription, event_type: str, data: dict) -> None:
    body = json.dumps({"type": event_type, "data": data}, separators=(",", ":")).encode()
    ts = int(time.time())
    resp = requests.post(
        subscription.target_url,
        data=body,
        headers={
            "Content-Type": "application/json",
            "User-Agent": USER_AGENT,
            "X-Webhook-Timestamp": str(ts),
            "X-Webhook-Signature": _signature(subscription.secret, body, ts),
        },
        timeout=10,
    )
    resp.raise_for_status()


def fan_out(event_type: str, data: dict) -> int:
    count = 0
    for sub in Subscription.objects.filter(active=True, events__contains=[event_type]):
        deliver(sub, event_type, data)
        count += 1
    return count
