"""requests response hook that counts upstream outcomes per API."""
import logging

import requests
from statsd import StatsClient

log = logging.getLogger("upstream")
statsd = StatsClient(prefix="intake")


def _outcome(status: int) -> str:
    if status >= 500:
        return "server_error"
    elif status == 429:
        return "throttled"
    elif status >= 400:
        return "client_error"
    return "ok"


def record(resp: requests.Response, *args, **kwargs) -> requests.Response:
    api = resp.url.split("/")[2]
    outcome = _outcome(resp.status_code)
    statsd.incr(f"{api}.{outcome}")
    statsd.timing(f"{api}.latency", resp.elapsed.total_seconds() * 1000)
    if resp.status_code >= 500:
        log.warning("upstream %s answered %s (request %s)", api, resp.status_code, resp.headers.get("X-Request-Id"))
    remaining = resp.headers.get("X-RateLimit-Remaining")
    if remaining is not None and int(remaining) < 10:
        log.info("upstream %s nearly out of quota: %s left", api, remaining)
    return resp


def instrumented_session() -> requests.Session:
    session = requests.Session()
    session.hooks["response"].append(record)
    return session


def get_json(session: requests.Session, url: str) -> dict:
    resp = session.get(url, timeout=10)
    resp.raise_for_status()
    return resp.json()
