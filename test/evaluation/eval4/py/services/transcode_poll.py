import time

import httpx

API = "https://media.example.com/v1"
POLL_EVERY = 3.0
DEADLINE_SECONDS = 600


class TranscodeFailed(Exception):
    pass


def start_transcode(client: httpx.Client, asset_id: str, preset: str) -> str:
    resp = client.post(f"{API}/assets/{asset_id}/transcodes", json={"preset": preset})
    resp.raise_for_status()
    return resp.json()["job_id"]


def wait_for_job(client: httpx.Client, job_id: str) -> dict:
    """Poll the job until it leaves the queue. Every poll is a fresh GET."""
    give_up_at = time.monotonic() + DEADLINE_SECONDS
    while time.monotonic() < give_up_at:
        resp = client.get(f"{API}/jobs/{job_id}")
        resp.raise_for_status()
        job = resp.json()
        if job["state"] == "succeeded":
            return job
        if job["state"] == "failed":
            raise TranscodeFailed(job.get("error", "unknown error"))
        time.sleep(POLL_EVERY)
    raise TimeoutError(f"transcode job {job_id} still running after {DEADLINE_SECONDS}s")


def transcode(asset_id: str, preset: str = "hls-720p") -> str:
    with httpx.Client(headers={"Authorization": "Bearer " + load_token()}, timeout=30) as client:
        job_id = start_transcode(client, asset_id, preset)
        job = wait_for_job(client, job_id)
        return job["output_url"]


def load_token() -> str:
    with open("/run/secrets/media_token") as fh:
        return fh.read().strip()
