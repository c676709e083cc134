import asyncio
import random

import aiohttp

RETRYABLE = {429, 500, 502, 503, 504}
MAX_ATTEMPTS = 4
MAX_DELAY = 30.0


def _retry_after(resp: aiohttp.ClientResponse) -> float | None:
    value = resp.headers.get("Retry-After")
    if value and value.isdigit():
        return min(float(value), MAX_DELAY)
    return None


async def fetch(session: aiohttp.ClientSession, sem: asyncio.Semaphore, url: str) -> str | None:
    async with sem:
        for attempt in range(MAX_ATTEMPTS):
            try:
                async with session.get(url) as resp:
                    if resp.status == 200:
                        return await resp.text()
                    if resp.status not in RETRYABLE:
                        return None
                    delay = _retry_after(resp)
            except (aiohttp.ClientConnectionError, asyncio.TimeoutError):
                delay = None
            if delay is None:
                delay = random.uniform(0, min(MAX_DELAY, 2 ** attempt))
            await asyncio.sleep(delay)
    return None


async def crawl(urls: list[str], concurrency: int = 10) -> dict[str, str]:
    sem = asyncio.Semaphore(concurrency)
    timeout = aiohttp.ClientTimeout(total=30)
    async with aiohttp.ClientSession(timeout=timeout) as session:
        bodies = await asyncio.gather(*(fetch(session, sem, u) for u in urls))
    return {u: b for u, b in zip(urls, bodies) if b is not None}
