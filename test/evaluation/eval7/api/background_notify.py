"""FastAPI endpoint that queues an SMS notification as a background task."""
import logging
import random
import time
import uuid

import httpx
from fastapi import APIRouter, BackgroundTasks
from pydantic import BaseModel

log = logging.getLogger(__name__)
router = APIRouter()

SMS_URL = "https://sms-gateway.example/v2/messages"
MAX_ATTEMPTS = 4


class Notice(BaseModel):
    phone: str
    text: str


def _retry_delay(resp: httpx.Response, attempt: int) -> float:
    retry_after = resp.headers.get("retry-after")
    if retry_after and retry_after.isdigit():
        return float(retry_after)
    return random.uniform(0, min(20.0, 2 ** attempt))


def send_sms(notice: Notice, key: str) -> None:
    with httpx.Client(timeout=10.0) as client:
        for attempt in range(MAX_ATTEMPTS):
            resp = client.post(
                SMS_URL,
                json={"to": notice.phone, "body": notice.text},
                headers={"Idempotency-Key": key},
            )
            if resp.status_code == 429 or resp.status_code >= 500:
                time.sleep(_retry_delay(resp, attempt))
                continue
            if resp.status_code >= 400:
                log.error("sms to %s rejected: %s %s", notice.phone, resp.status_code, resp.text)
            return
    log.error("sms to %s not sent after %d attempts", notice.phone, MAX_ATTEMPTS)


@router.post("/notify", status_code=202)
def notify(notice: Notice, background: BackgroundTasks) -> dict:
    key = str(uuid.uuid4())
    background.add_task(send_sms, notice, key)
    return {"queued": True, "idempotency_key": key}
