import httpx
from tenacity import (
    AsyncRetrying,
    retry_if_exception_type,
    stop_after_attempt,
    wait_random_exponential,
)

INVENTORY_URL = "https://inventory.internal.example/api"


class InventoryClient:
    def __init__(self, token: str):
        self._client = httpx.AsyncClient(
            base_url=INVENTORY_URL,
            headers={"Authorization": f"Bearer {token}"},
            timeout=httpx.Timeout(10.0, connect=3.0),
        )

    async def stock_level(self, sku: str) -> int | None:
        # Only transport failures are retried; an HTTP status comes back as a response
        # and is handled below without another attempt.
        async for attempt in AsyncRetrying(
            retry=retry_if_exception_type(httpx.TransportError),
            wait=wait_random_exponential(multiplier=0.5, max=10),
            stop=stop_after_attempt(4),
            reraise=True,
        ):
            with attempt:
                resp = await self._client.get(f"/stock/{sku}")
        if resp.status_code == 404:
            return None
        if resp.is_error:
            raise RuntimeError(f"inventory returned {resp.status_code} for {sku}")
        return resp.json()["on_hand"]

    async def aclose(self):
        await self._client.aclose()
