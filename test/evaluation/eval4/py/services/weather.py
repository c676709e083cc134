import logging
import random
import time

import requests

log = logging.getLogger(__name__)

FORECAST_URL = "https://api.weather.example/v2/forecast"
ATTEMPTS = 4


def get_forecast(lat: float, lon: float) -> dict | None:
    """Fetch the forecast; connection problems are retried, HTTP errors are not."""
    params = {"lat": f"{lat:.4f}", "lon": f"{lon:.4f}", "units": "metric"}
    for attempt in range(ATTEMPTS):
        try:
            resp = requests.get(FORECAST_URL, params=params, timeout=5)
        except (requests.ConnectionError, requests.Timeout) as exc:
            if attempt == ATTEMPTS - 1:
                log.error("weather service unreachable: %s", exc)
                return None
            time.sleep(random.uniform(0, min(10, 0.5 * 2 ** attempt)))
            continue
        if resp.status_code != 200:
            log.warning("forecast request returned %s", resp.status_code)
            return None
        return resp.json()
    return None


def summary(lat: float, lon: float) -> str:
    data = get_forecast(lat, lon)
    if data is None:
        return "forecast unavailable"
    today = data["daily"][0]
    return f"{today['min']:.0f}-{today['max']:.0f} C, {today['summary']}"
