"""Async client for the ticketing API (used by the support bot)."""
from __future__ import annotations

import asyncio
import random
import uuid

import httpx

RETRYABLE = frozenset({408, 429, 500, 502, 503, 504})


class TicketsClient:
    def __init__(self, token: str, base_url: str = "https://tickets.example.com/api", max_retries: int = 3):
        self._client = httpx.AsyncClient(base_url=base_url, headers={"Authorization": f"Bearer {token}"}, timeout=10)
        self._max_retries = max_retries

    async def _request(self, method: str, path: str, **kwargs) -> httpx.Response:
        for attempt in range(self._max_retries + 1):
            resp = await self._client.request(method, path, **kwargs)
            if resp.status_code not in RETRYABLE or attempt == self._max_retries:
                resp.raise_for_status()
                return resp
            header = resp.headers.get("Retry-After")
            delay = float(header) if header else random.uniform(0, min(20.0, 0.5 * 2 ** attempt))
            await asyncio.sleep(delay)
        raise AssertionError("unreachable")

    async def get_ticket(self, ticket_id: str) -> dict:
        return (await self._request("GET", f"/tickets/{ticket_id}")).json()

    async def create_ticket(self, subject: str, body: str, requester: str) -> dict:
        key = str(uuid.uuid4())
        resp = await self._request(
            "POST",
            "/tickets",
            json={"subject": subject, "body": body, "requester": requester},
            headers={"Idempotency-Key": key},
        )
        return resp.json()

    async def aclose(self) -> None:
        await self._client.aclose()
