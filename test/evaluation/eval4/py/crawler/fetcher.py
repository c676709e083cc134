import asyncio
import logging

import aiohttp

log = logging.getLogger("crawler")

CONCURRENCY = 8
MAX_ATTEMPTS = 3


async def fetch_page(session: aiohttp.ClientSession, sem: asyncio.Semaphore, url: str) -> str | None:
    async with sem:
        for attempt in range(MAX_ATTEMPTS):
            async with session.get(url, timeout=aiohttp.ClientTimeout(total=20)) as resp:
                if resp.status == 404:
                    log.info("gone: %s", url)
                    return None
                if resp.status in (429, 503):
                    log.warning("throttled on %s (attempt %d)", url, attempt + 1)
                    await asyncio.sleep(5)
                    continue
                resp.raise_for_status()
                return await resp.text()
        log.error("giving up on %s", url)
        return None


async def crawl(urls: list[str]) -> dict[str, str]:
    sem = asyncio.Semaphore(CONCURRENCY)
    headers = {"User-Agent": "docs-indexer/1.4 (+https://example.org/bot)"}
    async with aiohttp.ClientSession(headers=headers) as session:
        pages = await asyncio.gather(*(fetch_page(session, sem, u) for u in urls))
    return {url: html for url, html in zip(urls, pages) if html is not None}


if __name__ == "__main__":
    import sys

    result = asyncio.run(crawl(sys.argv[1:]))
    print(f"fetched {len(result)} pages")
