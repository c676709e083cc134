"""Sync of Casework client records (100 requests/min per key)."""
import asyncio
import random

import aiohttp
import httpx
from tenacity import retry, retry_if_exception, stop_after_attempt, wait_random_exponential

API = "https://api.casework.example/v1"


async def fetch_clients(http: aiohttp.ClientSession, page: int) -> list[dict]:
    for attempt in range(6):
        async with http.get(f"{API}/clients", params={"page": page}) as resp:
            if resp.status == 429 and attempt < 5:
                throttled = True
            else:
                resp.raise_for_status()
                return (await resp.json())["clients"]
        if throttled:
            ceiling = min(32.0, 2 ** attempt)
            await asyncio.sleep(random.uniform(0, ceiling))
    raise RuntimeError("unreachable")


def _server_unavailable(exc: BaseException) -> bool:
    return isinstance(exc, httpx.HTTPStatusError) and exc.response.status_code == 503


@retry(
    retry=retry_if_exception(_server_unavailable),
    stop=stop_after_attempt(4),
    wait=wait_random_exponential(multiplier=1, max=30),
)
def fetch_client(client_id: str, token: str) -> dict:
    resp = httpx.get(f"{API}/clients/{client_id}", headers={"Authorization": f"Bearer {token}"})
    resp.raise_for_status()
    return resp.json()
