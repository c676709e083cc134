"""Thin client for the payments gateway used by the billing service."""
import random
import time
import uuid

import requests


class GatewayError(Exception):
    def __init__(self, status, body):
        super().__init__(f"gateway returned {status}")
        self.status = status
        self.body = body


class RateLimitError(GatewayError):
    def __init__(self, status, body, retry_after):
        super().__init__(status, body)
        self.retry_after = retry_after


class ServerError(GatewayError):
    def __init__(self, status, body, retry_after=None):
        super().__init__(status, body)
        self.retry_after = retry_after


class AuthError(GatewayError):
    pass


class PaymentGateway:
    def __init__(self, base_url, api_key, max_attempts=4):
        self.base_url = base_url.rstrip("/")
        self.session = requests.Session()
        self.session.headers["Authorization"] = f"Bearer {api_key}"
        self.max_attempts = max_attempts

    def _request(self, method, path, **kwargs):
        resp = self.session.request(method, self.base_url + path, timeout=10, **kwargs)
        if resp.status_code == 429:
            raise RateLimitError(resp.status_code, resp.text, float(resp.headers.get("Retry-After", "1")))
        if resp.status_code >= 500:
            retry_after = resp.headers.get("Retry-After", "")
            raise ServerError(resp.status_code, resp.text, float(retry_after) if retry_after.isdigit() else None)
        if resp.status_code in (401, 403):
            raise AuthError(resp.status_code, resp.text)
        if resp.status_code >= 400:
            raise GatewayError(resp.status_code, resp.text)
        return resp.json()

    def capture(self, charge_id, amount_cents):
        key = str(uuid.uuid4())
        for attempt in range(self.max_attempts):
            try:
                return self._request(
                    "POST",
                    f"/charges/{charge_id}/capture",
                    json={"amount": amount_cents},
                    headers={"Idempotency-Key": key},
                )
            except RateLimitError as exc:
                time.sleep(min(exc.retry_after, 60))
            except ServerError as exc:
                time.sleep(exc.retry_after or random.uniform(0, min(20, 0.5 * 2 ** attempt)))
        raise GatewayError(0, "capture failed after retries")
