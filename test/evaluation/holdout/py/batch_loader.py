"""Streams warehouse rows to the search indexer in batches of 500."""
import random
import time
import uuid
from itertools import islice

import httpx

INDEXER = "https://indexer.internal.example.com/v1/batches"


def batched(rows, size=500):
    it = iter(rows)
    while chunk := list(islice(it, size)):
        yield chunk


def send_batch(client: httpx.Client, docs: list[dict]) -> None:
    key = str(uuid.uuid4())
    wait = 1.0
    while True:
        r = client.post(INDEXER, json={"documents": docs}, headers={"Idempotency-Key": key})
        if r.status_code >= 500:
            time.sleep(wait)
            wait = min(wait * 2, 60) + random.random()
            continue
        r.raise_for_status()
        return


def load(rows, token: str) -> int:
    sent = 0
    with httpx.Client(headers={"Authorization": f"Bearer {token}"}, timeout=30) as client:
        for chunk in batched(rows):
            send_batch(client, chunk)
            sent += len(chunk)
    return sent
