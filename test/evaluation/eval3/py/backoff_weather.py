import logging

import backoff
import requests

log = logging.getLogger("weather")
API = "https://api.stormtrack.example/v3"


def _log_backoff(details):
    log.warning(
        "weather call failed, retry %d in %.1fs: %s",
        details["tries"],
        details["wait"],
        details["exception"],
    )


@backoff.on_exception(
    backoff.expo,
    Exception,
    max_tries=None,
    on_backoff=_log_backoff,
)
def current_conditions(station_id: str, api_key: str) -> dict:
    resp = requests.get(
        f"{API}/stations/{station_id}/observations/latest",
        params={"units": "metric"},
        headers={"X-Api-Key": api_key},
        timeout=10,
    )
    resp.raise_for_status()
    obs = resp.json()["properties"]
    return {
        "temperature": obs["temperature"]["value"],
        "wind_speed": obs["windSpeed"]["value"],
        "description": obs["textDescription"],
    }


if __name__ == "__main__":
    import os

    print(current_conditions("KSEA", os.environ["STORMTRACK_KEY"]))
