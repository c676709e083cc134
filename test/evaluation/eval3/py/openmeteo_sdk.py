from dataclasses import dataclass

import httpx


class ForecastError(Exception):
    def __init__(self, message: str, status: int):
        super().__init__(message)
        self.status = status


class BadCoordinates(ForecastError):
    pass


class TooManyRequests(ForecastError):
    def __init__(self, retry_after: float):
        super().__init__(f"rate limited for {retry_after}s", 429)
        self.retry_after = retry_after


class ForecastUnavailable(ForecastError):
    pass


@dataclass(frozen=True)
class HourlyForecast:
    times: list[str]
    temperatures: list[float]


class ForecastClient:
    def __init__(self, base_url: str = "https://api.meteodata.example/v1"):
        self._client = httpx.Client(base_url=base_url, timeout=10.0)

    def hourly(self, lat: float, lon: float) -> HourlyForecast:
        resp = self._client.get("/forecast", params={"latitude": lat, "longitude": lon, "hourly": "temperature_2m"})
        match resp.status_code:
            case 200:
                data = resp.json()["hourly"]
                return HourlyForecast(times=data["time"], temperatures=data["temperature_2m"])
            case 400:
                raise BadCoordinates(resp.json().get("reason", "bad request"), 400)
            case 429:
                raise TooManyRequests(float(resp.headers.get("Retry-After", "60")))
            case 500 | 502 | 503 | 504:
                raise ForecastUnavailable("forecast service unavailable", resp.status_code)
            case _:
                raise ForecastError(f"unexpected status {resp.status_code}", resp.status_code)
