"""Kicks off a CaseHug bulk export and waits for it to finish."""
import time
import uuid

import requests

BASE = "https://api.calmintake.com/v1"
POLL_INTERVAL = 3.0
TIMEOUT = 600.0


def start_export(session: requests.Session, firm_id: str) -> str:
    resp = session.post(
        f"{BASE}/firms/{firm_id}/exports",
        json={"format": "ndjson"},
        headers={"Idempotency-Key": str(uuid.uuid4())},
        timeout=15,
    )
    resp.raise_for_status()
    return resp.json()["id"]


def wait_for_export(session: requests.Session, export_id: str) -> str:
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        resp = session.get(f"{BASE}/exports/{export_id}", timeout=15)
        resp.raise_for_status()
        job = resp.json()
        if job["state"] == "completed":
            return job["download_url"]
        if job["state"] == "failed":
            raise RuntimeError(f"export {export_id} failed: {job.get('reason')}")
        time.sleep(POLL_INTERVAL)
    raise TimeoutError(f"export {export_id} still running after {TIMEOUT:.0f}s")


def export_firm(session: requests.Session, firm_id: str) -> str:
    export_id = start_export(session, firm_id)
    return wait_for_export(session, export_id)
