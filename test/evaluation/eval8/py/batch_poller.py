import logging
import time

import requests

log = logging.getLogger(__name__)

BATCH_API = "https://batch.example.com/v1"
POLL_SECONDS = 10
DEADLINE_SECONDS = 30 * 60


class BatchFailed(Exception):
    pass


def wait_for_batch(session: requests.Session, batch_id: str) -> dict:
    deadline = time.monotonic() + DEADLINE_SECONDS
    while time.monotonic() < deadline:
        resp = session.get(f"{BATCH_API}/batches/{batch_id}", timeout=15)
        resp.raise_for_status()
        batch = resp.json()
        state = batch["state"]
        if state == "completed":
            return batch
        if state in ("failed", "cancelled"):
            raise BatchFailed(f"batch {batch_id} ended as {state}: {batch.get('error')}")
        log.info("batch %s is %s (%d%%)", batch_id, state, batch.get("progress", 0))
        time.sleep(POLL_SECONDS)
    raise TimeoutError(f"batch {batch_id} still running after {DEADLINE_SECONDS}s")


def download_results(session: requests.Session, batch: dict, path: str) -> int:
    written = 0
    with session.get(batch["result_url"], stream=True, timeout=60) as resp:
        resp.raise_for_status()
        with open(path, "wb") as fh:
            for chunk in resp.iter_content(chunk_size=1 << 16):
                fh.write(chunk)
                written += len(chunk)
    return written
