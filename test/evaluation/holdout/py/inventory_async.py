"""Async client for the warehouse inventory API, used by the storefront workers."""
from __future__ import annotations

import logging

import httpx

log = logging.getLogger(__name__)


class InventoryUnavailable(Exception):
    """Raised when stock cannot be read right now; callers show 'availability unknown'."""


transport = httpx.AsyncHTTPTransport(retries=2)
client = httpx.AsyncClient(
    base_url="https://inventory.internal.example.com",
    transport=transport,
    timeout=httpx.Timeout(3.0),
)


async def stock_level(sku: str) -> int | None:
    resp = await client.get(f"/v2/stock/{sku}")
    match resp.status_code:
        case 200:
            return int(resp.json()["available"])
        case 404:
            return None
        case 429:
            log.info("inventory throttled us, retry after %s", resp.headers.get("Retry-After"))
            raise InventoryUnavailable("throttled")
        case 500 | 502 | 503 | 504:
            raise InventoryUnavailable(f"inventory answered {resp.status_code}")
        case _:
            resp.raise_for_status()
            raise InventoryUnavailable(f"unexpected {resp.status_code}")


async def reserve(sku: str, qty: int, order_id: str) -> bool:
    resp = await client.put(f"/v2/reservations/{order_id}/{sku}", json={"qty": qty})
    if resp.status_code == 409:
        return False
    resp.raise_for_status()
    return True
