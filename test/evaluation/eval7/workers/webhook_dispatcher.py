"""Deliver queued webhook events to customer endpoints."""
import asyncio
import json
import logging
import random

import aiohttp

log = logging.getLogger("webhooks")

MAX_ATTEMPTS = 5
CONCURRENCY = 20


async def deliver(session: aiohttp.ClientSession, sem: asyncio.Semaphore, event: dict) -> bool:
    body = json.dumps(event["payload"]).encode()
    async with sem:
        for attempt in range(MAX_ATTEMPTS):
            try:
                async with session.post(
                    event["endpoint_url"],
                    data=body,
                    headers={"Content-Type": "application/json", "X-Event-Type": event["type"]},
                ) as resp:
                    resp.raise_for_status()
                    return True
            except Exception as exc:
                log.info("event %s attempt %d failed: %s", event["id"], attempt + 1, exc)
                await asyncio.sleep(0.5 * 2 ** attempt + random.random())
        return False


async def drain(queue: asyncio.Queue) -> None:
    sem = asyncio.Semaphore(CONCURRENCY)
    timeout = aiohttp.ClientTimeout(total=15)
    async with aiohttp.ClientSession(timeout=timeout, raise_for_status=False) as session:
        pending = []
        while not queue.empty():
            pending.append(deliver(session, sem, await queue.get()))
        results = await asyncio.gather(*pending)
    log.info("delivered %d/%d events", sum(results), len(results))
