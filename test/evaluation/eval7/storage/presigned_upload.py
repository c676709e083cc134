"""Upload report exports to S3-compatible storage through presigned URLs."""
import logging
import random
import time
import uuid
from pathlib import Path

import requests

log = logging.getLogger(__name__)

API = "https://reports.internal.example/api"
RETRYABLE = (429, 500, 502, 503, 504)
MAX_ATTEMPTS = 5


def request_upload_url(session: requests.Session, name: str, size: int) -> dict:
    resp = session.post(
        f"{API}/uploads",
        json={"filename": name, "size": size},
        headers={"Idempotency-Key": str(uuid.uuid4())},
        timeout=15,
    )
    resp.raise_for_status()
    return resp.json()


def _wait(resp: requests.Response, attempt: int) -> None:
    retry_after = resp.headers.get("Retry-After")
    if retry_after is not None:
        delay = float(retry_after)
    else:
        delay = random.uniform(0, min(30.0, 0.5 * 2 ** attempt))
    time.sleep(delay)


def put_object(presigned_url: str, path: Path) -> str:
    data = path.read_bytes()
    for attempt in range(MAX_ATTEMPTS):
        resp = requests.put(presigned_url, data=data, headers={"Content-Type": "application/gzip"}, timeout=120)
        if resp.status_code in RETRYABLE and attempt < MAX_ATTEMPTS - 1:
            log.warning("upload of %s got %s, retrying", path.name, resp.status_code)
            _wait(resp, attempt)
            continue
        resp.raise_for_status()
        return resp.headers.get("ETag", "")
    raise RuntimeError("unreachable")


def upload_report(session: requests.Session, path: Path) -> str:
    target = request_upload_url(session, path.name, path.stat().st_size)
    etag = put_object(target["url"], path)
    session.post(f"{API}/uploads/{target['id']}/complete", json={"etag": etag}, timeout=15).raise_for_status()
    return target["id"]
