import logging
import os
import random
import time

import requests
from fastapi import FastAPI, HTTPException
from pydantic import BaseModel, EmailStr

log = logging.getLogger("mailer")
app = FastAPI()

PROVIDER_URL = "https://api.mailrelay.example/v1/send"
PROVIDER_KEY = os.environ.get("MAILRELAY_KEY", "")


class SendRequest(BaseModel):
    to: EmailStr
    subject: str
    html: str
    tag: str | None = None


def deliver(msg: SendRequest) -> str:
    payload = {"to": msg.to, "subject": msg.subject, "html": msg.html, "tags": [msg.tag] if msg.tag else []}
    last_exc: Exception | None = None
    for attempt in range(3):
        try:
            resp = requests.post(
                PROVIDER_URL,
                json=payload,
                headers={"Authorization": f"Bearer {PROVIDER_KEY}"},
                timeout=10,
            )
            resp.raise_for_status()
            return resp.json()["message_id"]
        except Exception as exc:
            last_exc = exc
            log.warning("send attempt %d failed: %s", attempt + 1, exc)
            time.sleep(random.uniform(0, 2 ** attempt))
    raise RuntimeError("mail provider unavailable") from last_exc


@app.post("/emails", status_code=202)
def send_email(msg: SendRequest):
    try:
        message_id = deliver(msg)
    except RuntimeError as exc:
        raise HTTPException(status_code=502, detail=str(exc)) from exc
    return {"message_id": message_id}
