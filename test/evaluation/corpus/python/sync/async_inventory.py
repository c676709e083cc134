import asyncio
import logging

import aiohttp

log = logging.getLogger(__name__)

STOCK_API = "https://stock.warehouse.example/api/v1"
MAX_ATTEMPTS = 5


async def fetch_stock(session: aiohttp.ClientSession, sku: str, attempt: int = 0) -> int:
    async with session.get(f"{STOCK_API}/stock/{sku}") as resp:
        if resp.status == 429 or resp.status >= 500:
            if attempt + 1 >= MAX_ATTEMPTS:
                resp.raise_for_status()
            delay = 0.5 * 2 ** attempt
            log.debug("stock %s: %s, retry in %.1fs", sku, resp.status, delay)
            await asyncio.sleep(delay)
            return await fetch_stock(session, sku, attempt + 1)
        resp.raise_for_status()
        body = await resp.json()
        return int(body["available"])


async def get_product(session: aiohttp.ClientSession, sku: str) -> dict | None:
    async with session.get(f"{STOCK_API}/products/{sku}") as resp:
        if resp.status == 404:
            return None
        if resp.status == 400:
            raise ValueError(f"malformed sku {sku!r}")
        resp.raise_for_status()
        return await resp.json()


async def snapshot(skus: list[str], concurrency: int = 10) -> dict[str, int]:
    sem = asyncio.Semaphore(concurrency)

    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=20)) as session:

        async def one(sku: str) -> tuple[str, int]:
            async with sem:
                return sku, await fetch_stock(session, sku)

        pairs = await asyncio.gather(*(one(s) for s in skus))
    return dict(pairs)
