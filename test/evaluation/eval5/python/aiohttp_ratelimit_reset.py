"""Async crawler for the sessions API that respects X-RateLimit-Reset."""
import asyncio
import random
import time

import aiohttp

API = "https://sessions.example.com/v1"
MAX_ATTEMPTS = 5
MAX_WAIT = 45.0


def _wait_for(resp: aiohttp.ClientResponse, attempt: int) -> float:
    reset = resp.headers.get("X-RateLimit-Reset")
    if reset is not None:
        return min(max(float(reset) - time.time(), 0.0) + random.uniform(0, 0.5), MAX_WAIT)
    retry_after = resp.headers.get("Retry-After")
    if retry_after is not None:
        return min(float(retry_after), MAX_WAIT)
    return random.uniform(0, min(MAX_WAIT, 2 ** attempt))


async def fetch_session(http: aiohttp.ClientSession, session_id: str) -> dict:
    for attempt in range(MAX_ATTEMPTS):
        async with http.get(f"{API}/sessions/{session_id}") as resp:
            if resp.status == 200:
                return await resp.json()
            if resp.status in (429, 502, 503, 504) and attempt < MAX_ATTEMPTS - 1:
                delay = _wait_for(resp, attempt)
            else:
                resp.raise_for_status()
                raise RuntimeError(f"unexpected status {resp.status}")
        await asyncio.sleep(delay)
    raise RuntimeError("unreachable")


async def crawl(session_ids: list[str], token: str) -> list[dict]:
    headers = {"Authorization": f"Bearer {token}"}
    async with aiohttp.ClientSession(headers=headers, timeout=aiohttp.ClientTimeout(total=30)) as http:
        sem = asyncio.Semaphore(8)

        async def one(sid: str) -> dict:
            async with sem:
                return await fetch_session(http, sid)

        return await asyncio.gather(*(one(s) for s in session_ids))
