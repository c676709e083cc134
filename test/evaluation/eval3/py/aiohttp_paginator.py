import asyncio
import random
from typing import Any, AsyncIterator

import aiohttp

API = "https://api.helpdeskly.example/v2"
MAX_ATTEMPTS = 5


async def _get_page(session: aiohttp.ClientSession, url: str, params: dict) -> dict[str, Any]:
    for attempt in range(1, MAX_ATTEMPTS + 1):
        async with session.get(url, params=params) as resp:
            if resp.status == 200:
                return await resp.json()
            if resp.status in (429, 502, 503, 504) and attempt < MAX_ATTEMPTS:
                retry_after = resp.headers.get("Retry-After")
                if retry_after is not None:
                    delay = float(retry_after)
                else:
                    delay = random.uniform(0, min(30.0, 0.5 * 2 ** attempt))
                await asyncio.sleep(delay)
                continue
            resp.raise_for_status()
    raise RuntimeError(f"giving up on {url}")


async def iter_tickets(token: str, status: str = "open") -> AsyncIterator[dict[str, Any]]:
    headers = {"Authorization": f"Bearer {token}"}
    timeout = aiohttp.ClientTimeout(total=30)
    async with aiohttp.ClientSession(headers=headers, timeout=timeout) as session:
        params = {"status": status, "per_page": 100}
        url = f"{API}/tickets"
        while url:
            page = await _get_page(session, url, params)
            for ticket in page["tickets"]:
                yield ticket
            url = page.get("next_page")
            params = {}


async def main() -> None:
    count = 0
    async for ticket in iter_tickets("token-from-vault"):
        count += 1
        if ticket.get("priority") == "urgent":
            print(ticket["id"], ticket["subject"])
    print("total", count)


if __name__ == "__main__":
    asyncio.run(main())
