"""Async fetcher for partner product catalogs."""
import asyncio
import random

import aiohttp

RETRYABLE = {429, 500, 502, 503, 504}


async def fetch_catalog(session: aiohttp.ClientSession, partner_url: str, max_attempts: int = 5) -> dict:
    for attempt in range(max_attempts):
        async with session.get(f"{partner_url}/catalog", timeout=aiohttp.ClientTimeout(total=30)) as resp:
            if resp.status == 200:
                return await resp.json()
            if resp.status not in RETRYABLE or attempt == max_attempts - 1:
                resp.raise_for_status()
            retry_after = resp.headers.get("Retry-After")
            if retry_after is not None and retry_after.isdigit():
                delay = min(int(retry_after), 120)
            else:
                delay = random.uniform(0, min(60, 2 ** attempt))
        await asyncio.sleep(delay)
    raise RuntimeError("unreachable")


async def fetch_all(partner_urls):
    async with aiohttp.ClientSession() as session:
        results = await asyncio.gather(
            *(fetch_catalog(session, url) for url in partner_urls),
            return_exceptions=True,
        )
    return dict(zip(partner_urls, results))
