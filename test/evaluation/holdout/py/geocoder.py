"""Forward geocoding with a local cache, used by the address-cleanup job."""
from __future__ import annotations

import functools
import os
from dataclasses import dataclass

import httpx

_transport = httpx.HTTPTransport(retries=3)  # reconnects only, never re-sends on a status
_client = httpx.Client(
    base_url=os.environ.get("GEOCODER_URL", "https://geocode.example.net/v2"),
    params={"key": os.environ.get("GEOCODER_KEY", "")},
    timeout=httpx.Timeout(5.0, connect=2.0),
    transport=_transport,
)


@dataclass(frozen=True)
class Point:
    lat: float
    lng: float
    precision: str


@functools.lru_cache(maxsize=50_000)
def geocode(address: str) -> Point | None:
    resp = _client.get("/search", params={"q": address, "limit": 1})
    if resp.status_code == 404:
        return None
    resp.raise_for_status()
    results = resp.json().get("results") or []
    if not results:
        return None
    top = results[0]
    return Point(top["lat"], top["lng"], top.get("precision", "unknown"))


def clean_addresses(rows):
    for row in rows:
        point = geocode(row["address"].strip())
        row["lat"], row["lng"] = (point.lat, point.lng) if point else (None, None)
        yield row
