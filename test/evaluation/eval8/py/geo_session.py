from __future__ import annotations

import os
from functools import lru_cache

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

GEO_API = os.environ.get("GEO_API", "https://geo.example.com")


@lru_cache(maxsize=1)
def session() -> requests.Session:
    retries = Retry(
        total=5,
        backoff_factor=0.5,
        backoff_jitter=0.3,
        status_forcelist=[404, 429, 500, 502, 503],
    )
    s = requests.Session()
    s.mount("https://", HTTPAdapter(max_retries=retries))
    s.headers["X-Api-Key"] = os.environ["GEO_API_KEY"]
    return s


def geocode(address: str) -> tuple[float, float] | None:
    resp = session().get(f"{GEO_API}/geocode", params={"q": address}, timeout=10)
    resp.raise_for_status()
    results = resp.json()["results"]
    if not results:
        return None
    loc = results[0]["location"]
    return loc["lat"], loc["lng"]


def reverse(lat: float, lng: float) -> str:
    resp = session().get(f"{GEO_API}/reverse", params={"lat": lat, "lng": lng}, timeout=10)
    resp.raise_for_status()
    return resp.json()["formatted_address"]
