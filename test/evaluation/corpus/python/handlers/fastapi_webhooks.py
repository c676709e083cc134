import hashlib
import hmac
import logging
import os

import httpx
from fastapi import APIRouter, Header, HTTPException, Request, status

router = APIRouter(prefix="/webhooks")
log = logging.getLogger("webhooks")

SIGNING_SECRET = os.environ.get("PAYMENTS_WEBHOOK_SECRET", "").encode()
ORDERS_URL = os.environ.get("ORDERS_SERVICE_URL", "http://orders:8000")
MAX_BODY_BYTES = 512 * 1024


def _verify(body: bytes, signature: str | None) -> None:
    if not signature:
        raise HTTPException(status_code=status.HTTP_401_UNAUTHORIZED, detail="missing signature")
    expected = hmac.new(SIGNING_SECRET, body, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, signature):
        raise HTTPException(status_code=401, detail="bad signature")


@router.post("/payments", status_code=202)
async def payment_event(request: Request, x_signature: str | None = Header(default=None)):
    body = await request.body()
    if len(body) > MAX_BODY_BYTES:
        raise HTTPException(status_code=413, detail="payload too large")
    _verify(body, x_signature)

    event = await request.json()
    if event.get("type") not in {"payment.succeeded", "payment.refunded"}:
        return {"ignored": True}

    async with httpx.AsyncClient(base_url=ORDERS_URL, timeout=5) as client:
        resp = await client.put(
            f"/orders/{event['data']['order_id']}/payment",
            json={"state": event["type"].split(".")[1], "event_id": event["id"]},
        )
    if resp.status_code == 404:
        # order was deleted; acknowledge so the provider stops redelivering
        log.warning("payment event %s for unknown order", event["id"])
        return {"ignored": True}
    if resp.is_error:
        # a non-2xx answer makes the payment provider redeliver the event later
        raise HTTPException(status_code=503, detail="orders service unavailable")
    return {"accepted": True}
