import logging
import os

import requests
from tenacity import retry, stop_after_attempt, wait_exponential

log = logging.getLogger(__name__)

SMS_API = os.environ.get("SMS_API_URL", "https://sms.internal.example.com/v2")
SMS_TOKEN = os.environ.get("SMS_API_TOKEN", "")


def _headers():
    return {
        "Authorization": f"Bearer {SMS_TOKEN}",
        "Content-Type": "application/json",
    }


@retry(
    stop=stop_after_attempt(5),
    wait=wait_exponential(multiplier=1, min=1, max=30),
    reraise=True,
)
def send_sms(to_number, body, sender_id="ACME"):
    payload = {"to": to_number, "from": sender_id, "text": body}
    resp = requests.post(f"{SMS_API}/messages", json=payload, headers=_headers(), timeout=5)
    resp.raise_for_status()
    message = resp.json()
    log.info("sms queued id=%s to=%s", message.get("id"), to_number[-4:])
    return message["id"]


def send_otp(to_number, code):
    return send_sms(to_number, f"Your verification code is {code}")


def send_bulk(numbers, body):
    sent = []
    for number in numbers:
        try:
            sent.append(send_sms(number, body))
        except requests.RequestException:
            log.exception("giving up on %s", number[-4:])
    return sent
