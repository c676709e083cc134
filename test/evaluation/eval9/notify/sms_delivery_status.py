"""Fetches delivery receipts from the SMS provider."""
import random
import time

import requests


def _error_code(resp):
    if resp.status_code < 400:
        return None
    try:
        return resp.json().get("error", {}).get("code")
    except ValueError:
        return None


def delivery_status(session: requests.Session, message_id: str) -> dict:
    url = f"https://api.sms-provider.example/v1/messages/{message_id}/receipt"
    for attempt in range(5):
        resp = session.get(url, timeout=10)
        code = _error_code(resp)
        if resp.status_code >= 500:
            retry_after = resp.headers.get("Retry-After", "")
            time.sleep(int(retry_after) if retry_after.isdigit() else random.uniform(0, min(16, 2 ** attempt)))
        elif code in ("rate_limit_exceeded", "invalid_api_key"):
            body = resp.json()
            time.sleep(float(body.get("retry_after", 1)))
        else:
            resp.raise_for_status()
            return resp.json()
    raise RuntimeError(f"no receipt for {message_id}")


def receipts(session, message_ids):
    return {mid: delivery_status(session, mid) for mid in message_ids}
