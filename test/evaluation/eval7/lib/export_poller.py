"""Poll an asynchronous export job until the provider reports it finished."""
import asyncio

import httpx
from tenacity import (
    AsyncRetrying,
    retry_if_exception_type,
    retry_if_result,
    stop_after_delay,
    wait_random_exponential,
)

EXPORTS = "https://analytics.vendor.example/api/exports"


def _still_running(resp: httpx.Response) -> bool:
    return resp.status_code == 202


async def wait_for_export(client: httpx.AsyncClient, export_id: str) -> str:
    async for attempt in AsyncRetrying(
        stop=stop_after_delay(900),
        wait=wait_random_exponential(multiplier=2, max=60),
        retry=retry_if_result(_still_running) | retry_if_exception_type(httpx.TransportError),
    ):
        with attempt:
            resp = await client.get(f"{EXPORTS}/{export_id}")
        if not attempt.retry_state.outcome.failed:
            attempt.retry_state.set_result(resp)
    resp.raise_for_status()
    return resp.json()["download_url"]


async def main(export_id: str, token: str) -> None:
    async with httpx.AsyncClient(headers={"Authorization": f"Bearer {token}"}, timeout=30) as client:
        url = await wait_for_export(client, export_id)
        print(url)


if __name__ == "__main__":
    import sys

    asyncio.run(main(sys.argv[1], sys.argv[2]))
