"""Resumable upload of large model checkpoints to object storage."""
from __future__ import annotations

import os
import random
import time

import requests

CHUNK = 32 * 1024 * 1024
MAX_RETRIES = 5


def start_session(bucket: str, name: str, token: str) -> str:
    resp = requests.post(
        f"https://storage.example-cloud.com/upload/v1/b/{bucket}/o",
        params={"uploadType": "resumable", "name": name},
        headers={"Authorization": f"Bearer {token}"},
        timeout=30,
    )
    resp.raise_for_status()
    return resp.headers["Location"]


def put_chunk(session_url: str, data: bytes, offset: int, total: int) -> requests.Response:
    end = offset + len(data) - 1
    headers = {"Content-Range": f"bytes {offset}-{end}/{total}"}
    for attempt in range(MAX_RETRIES):
        resp = requests.put(session_url, data=data, headers=headers, timeout=120)
        if resp.status_code in (200, 201, 308):
            return resp
        if resp.status_code == 429 or resp.status_code >= 500:
            retry_after = resp.headers.get("Retry-After")
            time.sleep(float(retry_after) if retry_after else random.uniform(0, min(64, 2 ** attempt)))
            continue
        resp.raise_for_status()
    raise RuntimeError(f"chunk at {offset} failed after {MAX_RETRIES} attempts")


def upload(path: str, bucket: str, token: str) -> None:
    total = os.path.getsize(path)
    session_url = start_session(bucket, os.path.basename(path), token)
    with open(path, "rb") as fh:
        offset = 0
        while offset < total:
            data = fh.read(CHUNK)
            put_chunk(session_url, data, offset, total)
            offset += len(data)
    print(f"uploaded {total / 1e9:.2f} GB to gs://{bucket}/{os.path.basename(path)}")
