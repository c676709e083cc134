"""Waits for a batch job submitted to the compute cluster's REST API to finish."""
import logging
import time

import requests

log = logging.getLogger("jobwatch")

TERMINAL = {"Succeeded", "Failed", "Cancelled"}


def job_phase(api: str, job: str, token: str) -> str:
    for attempt in range(10):
        try:
            r = requests.get(f"{api}/apis/batch/v1/jobs/{job}", headers={"Authorization": f"Bearer {token}"}, timeout=10)
            r.raise_for_status()
            return r.json()["status"]["phase"]
        except Exception:
            log.warning("reading job %s failed (attempt %d)", job, attempt + 1)
            time.sleep(3)
    raise RuntimeError(f"could not read job {job}")


def wait_for_job(api: str, job: str, token: str, timeout_s: int = 3600) -> str:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        phase = job_phase(api, job, token)
        if phase in TERMINAL:
            return phase
        time.sleep(15)
    raise TimeoutError(f"job {job} still running after {timeout_s}s")
