import hashlib
import hmac
import os
import time

import requests
from flask import Flask, abort, jsonify, request
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

app = Flask(__name__)
WEBHOOK_SECRET = os.environ["PAYMENTS_WEBHOOK_SECRET"].encode()
FULFILMENT_URL = os.environ.get("FULFILMENT_URL", "https://fulfilment.internal.example")

session = requests.Session()
session.mount(
    "https://",
    HTTPAdapter(
        max_retries=Retry(
            total=3,
            backoff_factor=0.5,
            backoff_jitter=0.3,
            status_forcelist=[429, 500, 502, 503, 504],
            allowed_methods=["GET", "HEAD"],
        )
    ),
)


def verify(payload: bytes, header: str) -> bool:
    parts = dict(item.split("=", 1) for item in header.split(","))
    ts = int(parts.get("t", "0"))
    if abs(time.time() - ts) > 300:
        return False
    expected = hmac.new(WEBHOOK_SECRET, f"{ts}.".encode() + payload, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, parts.get("v1", ""))


@app.post("/webhooks/payments")
def payments_webhook():
    if not verify(request.get_data(), request.headers.get("Payment-Signature", "")):
        abort(400)
    event = request.get_json()
    if event["type"] != "checkout.session.completed":
        return jsonify(ignored=True)

    order_id = event["data"]["object"]["metadata"]["order_id"]
    resp = session.get(f"{FULFILMENT_URL}/orders/{order_id}", timeout=5)
    if resp.status_code == 404:
        # Not ours (test-mode checkout or another storefront); acknowledge so it is not re-sent.
        return jsonify(ignored=True)
    resp.raise_for_status()
    return jsonify(order=resp.json()["id"], received=True)
