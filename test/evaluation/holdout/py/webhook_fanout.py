"""Fans out signed webhook deliveries to subscriber endpoints."""
import asyncio
import hashlib
import hmac
import json
import random
import uuid

import aiohttp


def sign(secret: str, body: bytes) -> str:
    return hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


async def deliver(session: aiohttp.ClientSession, endpoint: dict, event: dict) -> bool:
    body = json.dumps(event, separators=(",", ":")).encode()
    headers = {
        "Content-Type": "application/json",
        "X-Signature": sign(endpoint["secret"], body),
        "Idempotency-Key": event.get("id") or str(uuid.uuid4()),
    }
    for attempt in range(1, 6):
        async with session.post(endpoint["url"], data=body, headers=headers) as resp:
            if resp.status < 300:
                return True
            # subscribers that were just deployed answer 404 until their route is live
            if resp.status in (404, 429, 500, 503) and attempt < 5:
                await asyncio.sleep(random.uniform(0, min(60, 2 ** attempt)))
                continue
            return False
    return False


async def fan_out(endpoints: list[dict], event: dict) -> dict[str, bool]:
    timeout = aiohttp.ClientTimeout(total=15)
    async with aiohttp.ClientSession(timeout=timeout) as session:
        results = await asyncio.gather(*(deliver(session, ep, event) for ep in endpoints))
    return {ep["url"]: ok for ep, ok in zip(endpoints, results)}
