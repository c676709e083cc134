import asyncio
import random

import httpx

WIKI_API = "https://wiki.teamspace.example/api/v1"


class WikiSyncBot:
    """Mirrors tracker tickets into wiki pages."""

    def __init__(self, token: str):
        self.client = httpx.AsyncClient(
            base_url=WIKI_API,
            headers={"Authorization": f"Bearer {token}"},
            timeout=httpx.Timeout(15.0),
        )

    async def get_page(self, page_id: str) -> dict:
        for attempt in range(1, 6):
            resp = await self.client.get(f"/pages/{page_id}")
            if resp.status_code == 200:
                return resp.json()
            # Pages created a moment ago can 404 until the search index catches up.
            if resp.status_code in (404, 429, 502, 503) and attempt < 5:
                header = resp.headers.get("Retry-After")
                delay = float(header) if header else random.uniform(0, 2 ** attempt)
                await asyncio.sleep(delay)
                continue
            resp.raise_for_status()
        raise RuntimeError(f"page {page_id} unavailable")

    async def sync(self, tickets: list[dict]) -> int:
        updated = 0
        for ticket in tickets:
            page = await self.get_page(ticket["wiki_page_id"])
            if page["version"]["labels"].get("ticket_status") != ticket["status"]:
                print(f"{ticket['key']}: {page['title']} is out of date")
                updated += 1
        return updated

    async def aclose(self) -> None:
        await self.client.aclose()


async def main(tickets: list[dict]) -> None:
    bot = WikiSyncBot(token="...")
    try:
        print("stale pages:", await bot.sync(tickets))
    finally:
        await bot.aclose()


if __name__ == "__main__":
    asyncio.run(main([]))
