import os
import uuid

import httpx
from fastapi import APIRouter, HTTPException
from pydantic import BaseModel

router = APIRouter(prefix="/payments")

PSP_URL = os.environ.get("PSP_URL", "https://psp.example.com")
PSP_KEY = os.environ["PSP_SECRET_KEY"]


class ChargeIn(BaseModel):
    order_id: str
    amount_cents: int
    currency: str = "EUR"
    token: str


@router.post("/charge")
async def charge(body: ChargeIn):
    async with httpx.AsyncClient(base_url=PSP_URL, timeout=20.0) as client:
        try:
            resp = await client.post(
                "/v1/charges",
                json={
                    "amount": body.amount_cents,
                    "currency": body.currency,
                    "source": body.token,
                    "reference": body.order_id,
                },
                headers={
                    "Authorization": f"Bearer {PSP_KEY}",
                    "Idempotency-Key": str(uuid.uuid5(uuid.NAMESPACE_URL, body.order_id)),
                },
            )
            resp.raise_for_status()
        except httpx.HTTPStatusError as exc:
            if exc.response.status_code == 402:
                raise HTTPException(status_code=402, detail="card declined") from exc
            elif exc.response.status_code == 422:
                detail = exc.response.json().get("error", {}).get("message", "invalid payment data")
                raise HTTPException(status_code=400, detail=detail) from exc
            raise HTTPException(status_code=500, detail="payment provider error") from exc
    data = resp.json()
    return {"charge_id": data["id"], "status": data["status"]}
