"""Dispatches order events to partner webhooks (runs in the worker pod)."""
import hashlib
import hmac
import json
import logging
import time

import httpx

log = logging.getLogger("dispatch")


def signature(secret: bytes, body: bytes) -> str:
    return hmac.new(secret, body, hashlib.sha256).hexdigest()


def dispatch(url: str, secret: bytes, event: dict, attempts: int = 4) -> bool:
    body = json.dumps(event, separators=(",", ":")).encode()
    headers = {"Content-Type": "application/json", "X-Signature": signature(secret, body)}
    for attempt in range(attempts):
        try:
            resp = httpx.post(url, content=body, headers=headers, timeout=10)
        except (httpx.ConnectError, httpx.ReadTimeout) as exc:
            log.warning("dispatch to %s failed: %s (attempt %d)", url, exc, attempt + 1)
            time.sleep(2 ** attempt)
            continue
        if resp.is_success:
            return True
        log.error("partner %s rejected event %s: %s", url, event["id"], resp.status_code)
        return False
    return False


def dispatch_all(subscriptions: list[dict], event: dict) -> dict[str, bool]:
    results = {}
    for sub in subscriptions:
        results[sub["url"]] = dispatch(sub["url"], sub["secret"].encode(), event)
    return results
