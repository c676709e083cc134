import logging
import os

import httpx
from fastapi import FastAPI, HTTPException

app = FastAPI(title="orders-gateway")
log = logging.getLogger("orders")

FULFILMENT_URL = os.environ.get("FULFILMENT_URL", "http://fulfilment:8080")


@app.get("/orders/{order_id}/shipment")
async def shipment(order_id: str):
    async with httpx.AsyncClient(base_url=FULFILMENT_URL, timeout=5.0) as client:
        resp = await client.get(f"/shipments/by-order/{order_id}")

    status = resp.status_code
    if status == 404:
        raise HTTPException(status_code=404, detail="no shipment for this order yet")
    elif status == 429:
        raise HTTPException(
            status_code=503,
            detail="fulfilment is busy",
            headers={"Retry-After": resp.headers.get("Retry-After", "5")},
        )
    elif status >= 500:
        log.error("fulfilment error %s: %s", status, resp.text[:300])
        raise HTTPException(status_code=502, detail="fulfilment unavailable")
    elif status >= 400:
        raise HTTPException(status_code=500, detail="unexpected fulfilment response")

    data = resp.json()
    return {
        "order_id": order_id,
        "carrier": data["carrier"],
        "tracking": data["tracking_number"],
        "eta": data.get("estimated_delivery"),
    }
