"""Places outbound reminder calls through the Twilio REST API."""
import os
import random
import time

import requests

ACCOUNT_SID = os.environ["TWILIO_ACCOUNT_SID"]
AUTH_TOKEN = os.environ["TWILIO_AUTH_TOKEN"]
CALLS_URL = f"https://api.twilio.com/2010-04-01/Accounts/{ACCOUNT_SID}/Calls.json"


def _wait_for(resp: requests.Response, attempt: int) -> float:
    hinted = resp.headers.get("Retry-After")
    if hinted and hinted.isdigit():
        return float(hinted)
    return random.uniform(0, min(20.0, 2 ** attempt))


def place_call(to: str, twiml_url: str, max_attempts: int = 4) -> str:
    for attempt in range(max_attempts):
        resp = requests.post(
            CALLS_URL,
            data={"To": to, "From": os.environ["TWILIO_FROM"], "Url": twiml_url},
            auth=(ACCOUNT_SID, AUTH_TOKEN),
            timeout=15,
        )
        if resp.status_code == 429 or resp.status_code >= 500:
            if attempt == max_attempts - 1:
                break
            time.sleep(_wait_for(resp, attempt))
            continue
        resp.raise_for_status()
        return resp.json()["sid"]
    raise RuntimeError(f"could not place call to {to}")


def remind_all(appointments) -> list[str]:
    sids = []
    for appt in appointments:
        sids.append(place_call(appt.phone, appt.twiml_url))
    return sids
