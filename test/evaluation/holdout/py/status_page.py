"""Polls the vendor status page API and mirrors incidents into our status channel."""
import random
import time

import backoff
import requests

STATUS_API = "https://status.vendor.example.com/api/v2"


def _retry_after(resp: requests.Response) -> float:
    return float(resp.headers.get("Retry-After", "1"))


@backoff.on_exception(
    backoff.expo,
    (requests.ConnectionError, requests.Timeout),
    max_tries=4,
)
@backoff.on_predicate(
    backoff.runtime,
    predicate=lambda r: r.status_code == 429,
    value=_retry_after,
    jitter=None,
    max_tries=6,
)
def get_incidents() -> requests.Response:
    return requests.get(f"{STATUS_API}/incidents/unresolved.json", timeout=10)


def poll_forever(publish, interval: int = 60) -> None:
    seen: set[str] = set()
    while True:
        resp = get_incidents()
        resp.raise_for_status()  # anything still failing after the policies above ends the poller
        for inc in resp.json().get("incidents", []):
            if inc["id"] not in seen:
                seen.add(inc["id"])
                publish(f"[{inc['impact']}] {inc['name']}: {inc['shortlink']}")
        time.sleep(interval + random.uniform(0, 5))
