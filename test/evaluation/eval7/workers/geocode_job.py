"""RQ job: geocode new store addresses."""
import random
import time

import requests
from redis import Redis
from rq import Queue

GEOCODER = "https://geo.maps-provider.example/v1/search"
RETRYABLE = {429, 500, 502, 503, 504}
MAX_ATTEMPTS = 5


def _pause(resp: requests.Response, attempt: int) -> None:
    retry_after = resp.headers.get("Retry-After")
    if retry_after is not None:
        time.sleep(min(int(retry_after), 60))
    else:
        time.sleep(random.uniform(0, min(30, 2 ** attempt)))


def geocode_store(store_id: int, address: str, api_key: str) -> dict | None:
    for attempt in range(MAX_ATTEMPTS):
        resp = requests.get(GEOCODER, params={"q": address, "key": api_key, "limit": 1}, timeout=10)
        if resp.status_code in RETRYABLE and attempt + 1 < MAX_ATTEMPTS:
            _pause(resp, attempt)
            continue
        break
    resp.raise_for_status()
    features = resp.json().get("features", [])
    if not features:
        return None
    lon, lat = features[0]["geometry"]["coordinates"]
    return {"store_id": store_id, "lat": lat, "lon": lon}


def enqueue_all(stores, api_key: str) -> None:
    queue = Queue("geocoding", connection=Redis())
    for store in stores:
        queue.enqueue(geocode_store, store.id, store.address, api_key, job_timeout=120)
