import httpx
from tenacity import retry, retry_if_exception, stop_after_attempt, wait_exponential

GEOCODER_URL = "https://geo.example.com/v1/geocode"


def is_retryable(exc: BaseException) -> bool:
    if isinstance(exc, httpx.TransportError):
        return True
    if isinstance(exc, httpx.HTTPStatusError):
        return exc.response.status_code in (429, 502, 503, 504)
    return False


class Geocoder:
    def __init__(self, api_key: str):
        self._client = httpx.Client(timeout=10.0, params={"key": api_key})

    @retry(
        retry=retry_if_exception(is_retryable),
        wait=wait_exponential(multiplier=0.5, min=1, max=20),
        stop=stop_after_attempt(5),
        reraise=True,
    )
    def geocode(self, address: str) -> tuple[float, float] | None:
        resp = self._client.get(GEOCODER_URL, params={"q": address, "limit": 1})
        resp.raise_for_status()
        features = resp.json().get("features", [])
        if not features:
            return None
        lon, lat = features[0]["geometry"]["coordinates"]
        return lat, lon

    def close(self):
        self._client.close()
