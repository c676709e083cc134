import json
import logging
import os
import uuid

import httpx

log = logging.getLogger("audit-shipper")

# Connection-level retries only: httpx retries a failed *connect*, before any byte of the request is sent.
transport = httpx.HTTPTransport(retries=2)
client = httpx.Client(
    base_url=os.environ.get("AUDIT_SINK", "https://audit.sink.example"),
    transport=transport,
    timeout=httpx.Timeout(10.0, connect=3.0),
    headers={"Authorization": f"Bearer {os.environ.get('AUDIT_TOKEN', '')}"},
)


def ship(batch: list[dict]) -> bool:
    body = "\n".join(json.dumps(event, separators=(",", ":")) for event in batch)
    resp = client.post(
        "/v1/ingest",
        content=body,
        headers={"Content-Type": "application/x-ndjson", "Idempotency-Key": str(uuid.uuid4())},
    )
    if resp.status_code == 202:
        return True
    log.error("audit sink refused batch of %d: %s %s", len(batch), resp.status_code, resp.text[:200])
    return False


def drain(queue: list[dict], batch_size: int = 500) -> int:
    shipped = 0
    while queue:
        batch, queue[:] = queue[:batch_size], queue[batch_size:]
        if not ship(batch):
            queue[:0] = batch
            break
        shipped += len(batch)
    return shipped
