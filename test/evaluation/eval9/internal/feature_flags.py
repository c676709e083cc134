"""Feature flag lookups with a local cache so a flag-service outage never blocks checkout."""
import logging
import time

import requests

log = logging.getLogger(__name__)

FLAGS_URL = "http://flags.svc.cluster.local/v1/flags"
_cache: dict[str, tuple[float, bool]] = {}
TTL_SECONDS = 30


def _fetch(name: str) -> bool:
    resp = requests.get(f"{FLAGS_URL}/{name}", timeout=0.5)
    if resp.status_code == 404:
        return False
    resp.raise_for_status()
    return bool(resp.json()["enabled"])


def is_enabled(name: str, default: bool = False) -> bool:
    now = time.monotonic()
    cached = _cache.get(name)
    if cached and now - cached[0] < TTL_SECONDS:
        return cached[1]
    try:
        value = _fetch(name)
    except requests.RequestException as exc:
        log.warning("flag service error for %s: %s", name, exc)
        return cached[1] if cached else default
    _cache[name] = (now, value)
    return value


def enabled_flags(names):
    return [name for name in names if is_enabled(name)]
