"""Async client for the double-entry ledger service."""
from __future__ import annotations

import asyncio
import logging
import random
import uuid

import aiohttp

log = logging.getLogger(__name__)


class LedgerClient:
    def __init__(self, session: aiohttp.ClientSession, base_url: str) -> None:
        self._session = session
        self._base = base_url.rstrip("/")

    async def post_entry(self, debit: str, credit: str, amount_minor: int, memo: str = "") -> dict:
        key = str(uuid.uuid4())
        entry = {"debit": debit, "credit": credit, "amount": amount_minor, "memo": memo}
        attempt = 0
        while True:
            try:
                async with self._session.post(
                    f"{self._base}/entries", json=entry, headers={"Idempotency-Key": key}
                ) as resp:
                    if resp.status == 429 or resp.status >= 500:
                        retry_after = resp.headers.get("Retry-After")
                        wait = float(retry_after) if retry_after else min(30.0, 2 ** attempt) * random.random()
                        attempt += 1
                        log.warning("ledger %s, waiting %.1fs (attempt %d)", resp.status, wait, attempt)
                        await asyncio.sleep(wait)
                        continue
                    resp.raise_for_status()
                    return await resp.json()
            except aiohttp.ClientConnectionError as exc:
                attempt += 1
                wait = min(30.0, 2 ** attempt) * random.random()
                log.warning("ledger unreachable (%s), waiting %.1fs", exc, wait)
                await asyncio.sleep(wait)

    async def balance(self, account: str) -> int:
        async with self._session.get(f"{self._base}/accounts/{account}/balance") as resp:
            resp.raise_for_status()
            return (await resp.json())["balance"]
