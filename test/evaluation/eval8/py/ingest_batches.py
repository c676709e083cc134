import asyncio
import logging
import random

import aiohttp

log = logging.getLogger(__name__)

INGEST_URL = "https://ingest.example.com/api"
MAX_ATTEMPTS = 4


class IngestError(Exception):
    pass


async def post_batch(session: aiohttp.ClientSession, batch: list[dict]) -> dict:
    for attempt in range(MAX_ATTEMPTS):
        async with session.post(f"{INGEST_URL}/batches", json={"records": batch}) as resp:
            if resp.status in (500, 502, 503, 504):
                delay = min(20, 0.5 * 2**attempt) + random.uniform(0, 0.5)
                log.warning("ingest %s, retrying in %.2fs", resp.status, delay)
                await asyncio.sleep(delay)
                continue
            resp.raise_for_status()
            return await resp.json()
    raise IngestError(f"batch of {len(batch)} records failed after {MAX_ATTEMPTS} attempts")


async def ingest(records: list[dict], token: str, size: int = 500) -> int:
    headers = {"Authorization": f"Bearer {token}"}
    timeout = aiohttp.ClientTimeout(total=60)
    async with aiohttp.ClientSession(headers=headers, timeout=timeout) as session:
        done = 0
        for i in range(0, len(records), size):
            await post_batch(session, records[i : i + size])
            done += len(records[i : i + size])
        return done
