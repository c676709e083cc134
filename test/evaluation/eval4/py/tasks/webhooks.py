import hashlib
import hmac
import json
import logging

import httpx
from celery import shared_task
from tenacity import retry, retry_if_exception_type, stop_after_attempt, wait_fixed

from integrations.models import WebhookEndpoint

log = logging.getLogger(__name__)


def sign(secret: str, body: bytes) -> str:
    return hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


@retry(
    stop=stop_after_attempt(5),
    wait=wait_fixed(2),
    retry=retry_if_exception_type((httpx.ConnectError, httpx.ReadTimeout)),
    reraise=True,
)
def deliver(endpoint: WebhookEndpoint, event: dict) -> int:
    body = json.dumps(event, separators=(",", ":")).encode()
    resp = httpx.post(
        endpoint.url,
        content=body,
        headers={
            "Content-Type": "application/json",
            "X-Signature": sign(endpoint.secret, body),
            "X-Event-Type": event["type"],
        },
        timeout=10.0,
    )
    return resp.status_code


@shared_task(ignore_result=True)
def fan_out(event: dict):
    for endpoint in WebhookEndpoint.objects.filter(active=True, events__contains=[event["type"]]):
        try:
            status = deliver(endpoint, event)
            log.info("delivered %s to %s: %s", event["id"], endpoint.url, status)
        except httpx.HTTPError:
            log.exception("delivery of %s to %s failed", event["id"], endpoint.url)
