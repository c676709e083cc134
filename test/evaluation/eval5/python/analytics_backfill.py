"""Async fan-out over the sessions API used by the analytics backfill."""
import asyncio

import httpx
from tenacity import retry, retry_if_exception_type, stop_after_attempt, wait_exponential

API = "https://sessions.example.com/v1"


async def get_metrics(client: httpx.AsyncClient, session_id: str) -> dict:
    for attempt in range(5):
        resp = await client.get(f"{API}/sessions/{session_id}/metrics")
        if resp.status_code == 200:
            return resp.json()
        if resp.status_code in (429, 503) and attempt < 4:
            retry_after = resp.headers.get("Retry-After")
            delay = min(float(retry_after), 30.0) if retry_after else min(30.0, 2 ** attempt)
            await asyncio.sleep(delay)
            continue
        resp.raise_for_status()
    raise RuntimeError("unreachable")


@retry(
    retry=retry_if_exception_type(httpx.TransportError),
    stop=stop_after_attempt(4),
    wait=wait_exponential(multiplier=1, max=20),
)
async def get_owner(client: httpx.AsyncClient, session_id: str) -> dict:
    resp = await client.get(f"{API}/sessions/{session_id}/owner")
    resp.raise_for_status()
    return resp.json()


async def backfill(session_ids: list[str]) -> list[dict]:
    async with httpx.AsyncClient(timeout=10) as client:
        rows = []
        for sid in session_ids:
            metrics = await get_metrics(client, sid)
            owner = await get_owner(client, sid)
            rows.append({"session": sid, "owner": owner["id"], **metrics})
        return rows
