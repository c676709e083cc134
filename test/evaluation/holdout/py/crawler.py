"""Polite async crawler for the partner catalogue (GET only)."""
import asyncio
import random

import aiohttp

MAX_ATTEMPTS = 5
RETRYABLE = {429, 500, 502, 503, 504}


def _delay(attempt: int, retry_after: str | None) -> float:
    if retry_after and retry_after.isdigit():
        return float(retry_after)
    return random.uniform(0, min(30.0, 0.5 * 2 ** attempt))


async def fetch_json(session: aiohttp.ClientSession, url: str) -> dict | None:
    for attempt in range(1, MAX_ATTEMPTS + 1):
        try:
            async with session.get(url) as resp:
                if resp.status == 404:
                    return None
                if resp.status in RETRYABLE and attempt < MAX_ATTEMPTS:
                    await asyncio.sleep(_delay(attempt, resp.headers.get("Retry-After")))
                    continue
                resp.raise_for_status()
                return await resp.json()
        except (aiohttp.ClientConnectionError, asyncio.TimeoutError):
            if attempt == MAX_ATTEMPTS:
                raise
            await asyncio.sleep(_delay(attempt, None))
    return None


async def crawl(urls: list[str], concurrency: int = 8) -> list[dict]:
    sem = asyncio.Semaphore(concurrency)
    timeout = aiohttp.ClientTimeout(total=30)
    async with aiohttp.ClientSession(timeout=timeout) as session:

        async def one(u: str):
            async with sem:
                return await fetch_json(session, u)

        results = await asyncio.gather(*(one(u) for u in urls))
    return [r for r in results if r is not None]
