from dataclasses import dataclass

import httpx
from tenacity import retry, stop_after_attempt, wait_exponential

BASE_URL = "https://api.geonames-plus.example/v1"


@dataclass
class Place:
    name: str
    country: str
    lat: float
    lon: float
    population: int


class GeoClient:
    def __init__(self, api_key: str, timeout: float = 10.0):
        self._http = httpx.Client(
            base_url=BASE_URL,
            headers={"X-Api-Key": api_key},
            timeout=timeout,
        )

    @retry(
        stop=stop_after_attempt(5),
        wait=wait_exponential(multiplier=1, max=30),
        reraise=True,
    )
    def _get(self, path: str, **params) -> dict:
        resp = self._http.get(path, params=params)
        resp.raise_for_status()
        return resp.json()

    def search(self, q: str, limit: int = 10) -> list[Place]:
        body = self._get("/search", q=q, limit=limit)
        return [
            Place(
                name=item["name"],
                country=item["country_code"],
                lat=item["lat"],
                lon=item["lng"],
                population=item.get("population", 0),
            )
            for item in body["results"]
        ]

    def close(self) -> None:
        self._http.close()
