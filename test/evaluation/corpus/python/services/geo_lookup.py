"""IP geolocation with a small in-memory cache."""
from __future__ import annotations

import asyncio
import logging
import random
from functools import lru_cache

import httpx

log = logging.getLogger(__name__)

GEO_URL = "https://ipgeo.example.io/v2/lookup"
MAX_ATTEMPTS = 4
_cache: dict[str, dict] = {}


@lru_cache(maxsize=1)
def _api_key() -> str:
    import os

    return os.environ["IPGEO_KEY"]


async def lookup(client: httpx.AsyncClient, ip: str) -> dict:
    if ip in _cache:
        return _cache[ip]
    for attempt in range(1, MAX_ATTEMPTS + 1):
        try:
            r = await client.get(GEO_URL, params={"ip": ip, "key": _api_key()})
            r.raise_for_status()
            data = r.json()
            _cache[ip] = data
            return data
        except Exception as exc:  # noqa: BLE001
            if attempt == MAX_ATTEMPTS:
                raise
            delay = min(10.0, 0.2 * 2 ** attempt) + random.random() * 0.1
            log.debug("geo lookup for %s failed (%s); retry %d in %.2fs", ip, exc, attempt, delay)
            await asyncio.sleep(delay)
    raise AssertionError("unreachable")


async def country_of(ip: str) -> str | None:
    async with httpx.AsyncClient(timeout=5) as client:
        data = await lookup(client, ip)
    return data.get("country_code")
