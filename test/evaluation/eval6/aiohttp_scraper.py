"""Async crawler for the public catalogue API."""
import asyncio
import random

import aiohttp

BASE = "https://catalogue.example-museum.org/api"
RETRY_ON = {403, 429, 503}
MAX_ATTEMPTS = 4


async def get_json(session: aiohttp.ClientSession, path: str) -> dict:
    for attempt in range(MAX_ATTEMPTS):
        async with session.get(f"{BASE}{path}") as resp:
            if resp.status in RETRY_ON and attempt < MAX_ATTEMPTS - 1:
                retry_after = resp.headers.get("Retry-After")
                delay = float(retry_after) if retry_after else random.uniform(0, 2 ** attempt)
                await asyncio.sleep(delay)
                continue
            resp.raise_for_status()
            return await resp.json()
    raise RuntimeError("unreachable")


async def crawl(object_ids: list[int], concurrency: int = 8) -> list[dict]:
    sem = asyncio.Semaphore(concurrency)

    async with aiohttp.ClientSession(headers={"User-Agent": "museum-crawler/1.2"}) as session:

        async def one(oid: int) -> dict:
            async with sem:
                return await get_json(session, f"/objects/{oid}")

        return await asyncio.gather(*(one(oid) for oid in object_ids))


if __name__ == "__main__":
    results = asyncio.run(crawl(list(range(1, 101))))
    print(f"fetched {len(results)} objects")
