import logging
import os
import time

import requests
from flask import Blueprint, jsonify, request

log = logging.getLogger(__name__)
bp = Blueprint("sms", __name__)

ACCOUNT_SID = os.environ["TWILIO_ACCOUNT_SID"]
AUTH_TOKEN = os.environ["TWILIO_AUTH_TOKEN"]
FROM_NUMBER = os.environ["TWILIO_FROM_NUMBER"]
MESSAGES_URL = f"https://api.twilio.com/2010-04-01/Accounts/{ACCOUNT_SID}/Messages.json"


class SmsSender:
    def __init__(self):
        self.auth = (ACCOUNT_SID, AUTH_TOKEN)

    def send_with_retry(self, to, body):
        try:
            resp = requests.post(
                MESSAGES_URL,
                data={"To": to, "From": FROM_NUMBER, "Body": body},
                auth=self.auth,
                timeout=10,
            )
        except requests.ConnectionError:
            log.warning("twilio unreachable, retrying")
            time.sleep(3)
            return self.send_with_retry(to, body)
        if resp.status_code >= 400:
            log.error("twilio rejected message: %s", resp.text)
            return None
        return resp.json()["sid"]


sender = SmsSender()


@bp.post("/sms/verify")
def send_verification_code():
    phone = request.json.get("phone")
    if not phone:
        return jsonify(error="phone is required"), 400
    sid = sender.send_with_retry(phone, "Your verification code is 481516")
    return jsonify(sent=sid is not None, sid=sid)
