import asyncio
import logging
import uuid

import httpx

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 4


async def submit_job(client: httpx.AsyncClient, payload: dict) -> dict:
    key = str(uuid.uuid4())
    for attempt in range(MAX_ATTEMPTS):
        try:
            resp = await client.post("/v1/jobs", json=payload, headers={"Idempotency-Key": key})
            resp.raise_for_status()
            return resp.json()
        except httpx.HTTPStatusError as exc:
            if exc.response.status_code != 429 or attempt == MAX_ATTEMPTS - 1:
                raise
            log.info("job submission throttled, attempt %d", attempt + 1)
            await asyncio.sleep(5)
    raise RuntimeError("unreachable")


async def submit_all(base_url: str, token: str, payloads: list[dict]) -> list[dict]:
    async with httpx.AsyncClient(
        base_url=base_url,
        headers={"Authorization": f"Bearer {token}"},
        timeout=30.0,
    ) as client:
        results = []
        for payload in payloads:
            results.append(await submit_job(client, payload))
        return results


if __name__ == "__main__":
    import json
    import os
    import sys

    jobs = json.load(sys.stdin)
    out = asyncio.run(submit_all(os.environ["JOBS_URL"], os.environ["JOBS_TOKEN"], jobs))
    print(json.dumps(out, indent=2))
