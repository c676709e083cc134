import asyncio
import random
from typing import AsyncIterator

import aiohttp


class TimelineClient:
    def __init__(self, session: aiohttp.ClientSession, base: str = "https://api.socialfeed.example/2"):
        self.session = session
        self.base = base

    async def get_page(self, user_id: str, cursor: str | None = None) -> dict:
        params = {"max_results": 100}
        if cursor:
            params["pagination_token"] = cursor
        async with self.session.get(f"{self.base}/users/{user_id}/posts", params=params) as resp:
            if resp.status == 503:
                wait = float(resp.headers.get("Retry-After", "1")) + random.random()
                await asyncio.sleep(wait)
                return await self.get_page(user_id, cursor)
            resp.raise_for_status()
            return await resp.json()

    async def posts(self, user_id: str) -> AsyncIterator[dict]:
        cursor = None
        while True:
            page = await self.get_page(user_id, cursor)
            for post in page.get("data", []):
                yield post
            cursor = page.get("meta", {}).get("next_token")
            if not cursor:
                return


async def main() -> None:
    async with aiohttp.ClientSession(headers={"Authorization": "Bearer demo"}) as session:
        client = TimelineClient(session)
        async for post in client.posts("2244994945"):
            print(post["id"], post["text"][:60])


if __name__ == "__main__":
    asyncio.run(main())
