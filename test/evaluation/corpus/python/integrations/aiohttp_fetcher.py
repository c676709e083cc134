import asyncio
import logging
import random
from typing import Any

import aiohttp

log = logging.getLogger(__name__)

RETRYABLE = {429, 500, 502, 503, 504}
MAX_ATTEMPTS = 4
BASE_DELAY = 0.5
MAX_DELAY = 20.0


def _retry_after(resp: aiohttp.ClientResponse) -> float | None:
    value = resp.headers.get("Retry-After")
    try:
        return min(float(value), 60.0) if value else None
    except ValueError:
        return None


def _backoff(attempt: int) -> float:
    return random.uniform(0, min(MAX_DELAY, BASE_DELAY * 2 ** attempt))


async def get_json(session: aiohttp.ClientSession, url: str, **params: Any) -> Any:
    for attempt in range(MAX_ATTEMPTS):
        try:
            async with session.get(url, params=params, timeout=aiohttp.ClientTimeout(total=15)) as resp:
                if resp.status in RETRYABLE and attempt < MAX_ATTEMPTS - 1:
                    delay = _retry_after(resp) or _backoff(attempt)
                    log.info("GET %s -> %s, retrying in %.1fs", url, resp.status, delay)
                    await asyncio.sleep(delay)
                    continue
                resp.raise_for_status()
                return await resp.json()
        except (aiohttp.ClientConnectionError, asyncio.TimeoutError) as exc:
            if attempt == MAX_ATTEMPTS - 1:
                raise
            delay = _backoff(attempt)
            log.info("GET %s failed (%s), retrying in %.1fs", url, exc, delay)
            await asyncio.sleep(delay)
    raise RuntimeError("unreachable")


async def fetch_all(urls: list[str]) -> list[Any]:
    async with aiohttp.ClientSession(headers={"Accept": "application/json"}) as session:
        return await asyncio.gather(*(get_json(session, u) for u in urls))
