import time

import requests

API_VERSION = "v60.0"


class BulkQueryJob:
    def __init__(self, instance_url: str, access_token: str):
        self.instance_url = instance_url.rstrip("/")
        self.session = requests.Session()
        self.session.headers.update({"Authorization": f"Bearer {access_token}"})

    def _url(self, suffix: str) -> str:
        return f"{self.instance_url}/services/data/{API_VERSION}/jobs/query{suffix}"

    def submit(self, soql: str) -> str:
        resp = self.session.post(self._url(""), json={"operation": "query", "query": soql}, timeout=30)
        resp.raise_for_status()
        return resp.json()["id"]

    def wait_until_done(self, job_id: str, timeout_s: float = 900) -> dict:
        """Polls job state; errors propagate immediately, only an unfinished job is polled again."""
        deadline = time.monotonic() + timeout_s
        interval = 2.0
        while time.monotonic() < deadline:
            resp = self.session.get(self._url(f"/{job_id}"), timeout=30)
            resp.raise_for_status()
            job = resp.json()
            if job["state"] == "JobComplete":
                return job
            if job["state"] in ("Failed", "Aborted"):
                raise RuntimeError(f"bulk job {job_id} ended in {job['state']}: {job.get('errorMessage')}")
            time.sleep(interval)
            interval = min(interval * 1.5, 30.0)
        raise TimeoutError(f"bulk job {job_id} still running after {timeout_s}s")

    def results(self, job_id: str) -> str:
        resp = self.session.get(self._url(f"/{job_id}/results"), headers={"Accept": "text/csv"}, timeout=120)
        resp.raise_for_status()
        return resp.text
