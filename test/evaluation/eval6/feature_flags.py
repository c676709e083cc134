"""Feature-flag snapshot loader for the batch jobs."""
import json
import logging
import os

import backoff
import httpx

log = logging.getLogger(__name__)
FLAGS_URL = os.environ.get("FLAGS_URL", "https://flags.example.internal/api/v1/snapshot")
CACHE = "/tmp/flags-snapshot.json"


@backoff.on_exception(
    backoff.expo,
    (httpx.ConnectError, httpx.ReadTimeout, httpx.RemoteProtocolError),
    max_tries=5,
    max_time=60,
)
def _download(env: str) -> dict:
    resp = httpx.get(FLAGS_URL, params={"env": env}, timeout=5)
    if resp.status_code == 404:
        return {}
    resp.raise_for_status()
    return resp.json()


def load_flags(env: str = "production") -> dict:
    try:
        flags = _download(env)
    except httpx.HTTPError as exc:
        log.warning("flag service unavailable (%s); using cached snapshot", exc)
        with open(CACHE) as fh:
            return json.load(fh)
    with open(CACHE, "w") as fh:
        json.dump(flags, fh)
    return flags


def is_enabled(flags: dict, name: str, default: bool = False) -> bool:
    return bool(flags.get(name, {}).get("enabled", default))
