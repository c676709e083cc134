"""Async writer for calendar entries: PUT and DELETE are idempotent, so transient failures are retried."""
import asyncio
import random

import httpx

RETRYABLE = (408, 429, 500, 502, 503, 504)
MAX_ATTEMPTS = 5
CAP = 20.0


def _delay(resp: httpx.Response | None, attempt: int) -> float:
    if resp is not None and "retry-after" in resp.headers:
        try:
            return min(float(resp.headers["retry-after"]), CAP)
        except ValueError:
            pass
    return random.uniform(0, min(CAP, 0.5 * 2 ** attempt))


async def _send(client: httpx.AsyncClient, method: str, url: str, **kwargs) -> httpx.Response:
    attempt = 0
    while True:
        resp = None
        try:
            resp = await client.request(method, url, **kwargs)
            if resp.status_code not in RETRYABLE:
                resp.raise_for_status()
                return resp
        except httpx.TransportError:
            pass
        attempt += 1
        if attempt >= MAX_ATTEMPTS:
            raise RuntimeError(f"{method} {url} failed after {MAX_ATTEMPTS} attempts")
        await asyncio.sleep(_delay(resp, attempt))


async def put_entry(client: httpx.AsyncClient, entry_id: str, entry: dict) -> dict:
    resp = await _send(client, "PUT", f"/calendar/entries/{entry_id}", json=entry)
    return resp.json()


async def delete_entry(client: httpx.AsyncClient, entry_id: str) -> None:
    await _send(client, "DELETE", f"/calendar/entries/{entry_id}")


async def sync(entries: dict[str, dict], removed: list[str]) -> None:
    async with httpx.AsyncClient(base_url="https://api.casework.example/v1", timeout=10) as client:
        await asyncio.gather(*(put_entry(client, k, v) for k, v in entries.items()))
        await asyncio.gather(*(delete_entry(client, k) for k in removed))
