import asyncio
import random

import aiohttp

MAX_ATTEMPTS = 4


async def fetch_json(session: aiohttp.ClientSession, url: str, attempt: int = 1) -> dict:
    async with session.get(url) as resp:
        if resp.status in (429, 503) and attempt < MAX_ATTEMPTS:
            header = resp.headers.get("Retry-After")
            delay = float(header) if header else random.uniform(0, 2 ** attempt)
            await asyncio.sleep(delay)
            return await fetch_json(session, url, attempt + 1)
        resp.raise_for_status()
        return await resp.json()


async def crawl_repos(org: str, token: str) -> list[str]:
    headers = {"Authorization": f"token {token}", "Accept": "application/json"}
    async with aiohttp.ClientSession(headers=headers) as session:
        names: list[str] = []
        page = 1
        while True:
            url = f"https://git.codehost.example/api/v1/orgs/{org}/repos?page={page}&limit=50"
            batch = await fetch_json(session, url)
            if not batch:
                break
            names.extend(repo["full_name"] for repo in batch)
            page += 1
        return names


if __name__ == "__main__":
    print(asyncio.run(crawl_repos("platform", "dev-token")))
