"""Collect product listings from a partner catalogue API with httpx."""
import asyncio
import json
import sys

import httpx

CATALOGUE = "https://catalogue.partner-shop.example/api/products"


async def fetch_listing(client: httpx.AsyncClient, page: int) -> dict:
    while True:
        r = await client.get(CATALOGUE, params={"page": page, "per_page": 200})
        if r.status_code in (429, 503):
            await asyncio.sleep(5)
            continue
        r.raise_for_status()
        return r.json()


async def crawl(pages: int, concurrency: int = 4) -> list[dict]:
    sem = asyncio.Semaphore(concurrency)

    async def one(client: httpx.AsyncClient, page: int) -> list[dict]:
        async with sem:
            body = await fetch_listing(client, page)
            return body["items"]

    async with httpx.AsyncClient(timeout=20.0) as client:
        batches = await asyncio.gather(*(one(client, p) for p in range(1, pages + 1)))
    return [item for batch in batches for item in batch]


def main() -> None:
    pages = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    products = asyncio.run(crawl(pages))
    json.dump(products, sys.stdout, indent=2)


if __name__ == "__main__":
    main()
