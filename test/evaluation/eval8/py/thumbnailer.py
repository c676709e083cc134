import asyncio
import logging

import aiohttp
import backoff

log = logging.getLogger(__name__)

IMAGES_URL = "https://images.example.com"


@backoff.on_exception(
    backoff.expo,
    (aiohttp.ClientConnectionError, asyncio.TimeoutError),
    max_tries=5,
    max_time=60,
)
async def fetch_original(session: aiohttp.ClientSession, image_id: str) -> bytes:
    async with session.get(f"{IMAGES_URL}/originals/{image_id}") as resp:
        resp.raise_for_status()
        return await resp.read()


async def thumbnails(image_ids: list[str], concurrency: int = 8) -> dict[str, bytes]:
    sem = asyncio.Semaphore(concurrency)
    out: dict[str, bytes] = {}
    timeout = aiohttp.ClientTimeout(total=30)

    async with aiohttp.ClientSession(timeout=timeout) as session:

        async def one(image_id: str) -> None:
            async with sem:
                try:
                    out[image_id] = await fetch_original(session, image_id)
                except aiohttp.ClientResponseError as exc:
                    log.warning("skipping %s: %s", image_id, exc.status)

        await asyncio.gather(*(one(i) for i in image_ids))
    return out


if __name__ == "__main__":
    import sys

    result = asyncio.run(thumbnails(sys.argv[1:]))
    print({k: len(v) for k, v in result.items()})
