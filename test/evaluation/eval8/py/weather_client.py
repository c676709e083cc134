"""Thin client for the weather provider used by the routing service."""
from __future__ import annotations

import httpx
from tenacity import (
    retry,
    retry_if_exception_type,
    stop_after_attempt,
    wait_random_exponential,
)

BASE_URL = "https://api.weather.example.com/v3"


class WeatherClient:
    def __init__(self, api_key: str, timeout: float = 8.0) -> None:
        self._client = httpx.Client(
            base_url=BASE_URL,
            params={"key": api_key},
            timeout=timeout,
        )

    @retry(
        retry=retry_if_exception_type((httpx.ConnectError, httpx.ReadTimeout)),
        stop=stop_after_attempt(5),
        wait=wait_random_exponential(multiplier=0.5, max=30),
        reraise=True,
    )
    def forecast(self, lat: float, lon: float, hours: int = 24) -> list[dict]:
        resp = self._client.get("/forecast", params={"lat": lat, "lon": lon, "hours": hours})
        resp.raise_for_status()
        return resp.json()["hourly"]

    def will_rain(self, lat: float, lon: float) -> bool:
        return any(h["precip_mm"] > 0.2 for h in self.forecast(lat, lon, hours=6))

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> "WeatherClient":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
