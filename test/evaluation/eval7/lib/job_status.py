"""Wait for a remote transcoding job, tolerating flaky connections."""
import backoff
import requests

JOBS = "https://transcode.media.example/v1/jobs"


def _pending(resp: requests.Response) -> bool:
    return resp.json().get("state") in ("queued", "running")


@backoff.on_predicate(backoff.expo, _pending, max_time=900, max_value=60, jitter=backoff.full_jitter)
@backoff.on_exception(
    backoff.expo,
    (requests.exceptions.ConnectionError, requests.exceptions.Timeout),
    max_tries=5,
    jitter=backoff.full_jitter,
)
def job_state(session: requests.Session, job_id: str) -> requests.Response:
    return session.get(f"{JOBS}/{job_id}", timeout=10)


def wait_for_job(session: requests.Session, job_id: str) -> str:
    resp = job_state(session, job_id)
    resp.raise_for_status()
    body = resp.json()
    if body["state"] != "done":
        raise RuntimeError(f"job {job_id} ended in state {body['state']}: {body.get('error')}")
    return body["output_url"]


def wait_for_all(session: requests.Session, job_ids: list[str]) -> dict[str, str]:
    outputs = {}
    for job_id in job_ids:
        outputs[job_id] = wait_for_job(session, job_id)
    return outputs
