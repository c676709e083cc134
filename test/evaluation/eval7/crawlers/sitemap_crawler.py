"""Crawl every URL listed in a sitemap and record status and title."""
import asyncio
import random
import re
import xml.etree.ElementTree as ET

import aiohttp

MAX_ATTEMPTS = 4
CONCURRENCY = 8
TITLE_RE = re.compile(r"<title>(.*?)</title>", re.I | re.S)


def _delay(resp: aiohttp.ClientResponse, attempt: int) -> float:
    retry_after = resp.headers.get("Retry-After")
    if retry_after and retry_after.isdigit():
        return min(float(retry_after), 120.0)
    return random.uniform(0, min(60.0, 2 ** attempt))


async def fetch_page(session: aiohttp.ClientSession, sem: asyncio.Semaphore, url: str):
    async with sem:
        for attempt in range(MAX_ATTEMPTS):
            async with session.get(url, allow_redirects=True) as resp:
                if resp.status == 429 or resp.status >= 500:
                    await asyncio.sleep(_delay(resp, attempt))
                    continue
                if resp.status == 404:
                    return url, 404, None
                html = await resp.text()
                match = TITLE_RE.search(html)
                return url, resp.status, match.group(1).strip() if match else None
        return url, None, None


async def sitemap_urls(session: aiohttp.ClientSession, sitemap_url: str) -> list[str]:
    async with session.get(sitemap_url) as resp:
        resp.raise_for_status()
        root = ET.fromstring(await resp.text())
    ns = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    return [loc.text for loc in root.findall(".//sm:loc", ns) if loc.text]


async def crawl(sitemap_url: str) -> list[tuple]:
    sem = asyncio.Semaphore(CONCURRENCY)
    timeout = aiohttp.ClientTimeout(total=30)
    async with aiohttp.ClientSession(timeout=timeout) as session:
        urls = await sitemap_urls(session, sitemap_url)
        return await asyncio.gather(*(fetch_page(session, sem, u) for u in urls))


if __name__ == "__main__":
    import sys

    for url, status, title in asyncio.run(crawl(sys.argv[1])):
        print(f"{status}\t{url}\t{title or ''}")
