"""Geocodes the addresses in a CSV with the maps API and writes lat/lon columns."""
import random
import sys
import time

import pandas as pd
import requests

GEOCODE_URL = "https://maps.example-geo.com/v1/geocode"
MAX_TRIES = 4


def geocode(address: str, key: str):
    for attempt in range(MAX_TRIES):
        try:
            resp = requests.get(GEOCODE_URL, params={"q": address, "key": key}, timeout=10)
            resp.raise_for_status()
            hit = resp.json()["results"][0]
            return hit["lat"], hit["lon"]
        except requests.HTTPError as e:
            if e.response.status_code in (400, 429, 500, 503) and attempt < MAX_TRIES - 1:
                ra = e.response.headers.get("Retry-After")
                time.sleep(float(ra) if ra else random.uniform(0, 2 ** attempt))
                continue
            raise
        except IndexError:
            return None, None
    return None, None


def main(path: str, key: str) -> None:
    df = pd.read_csv(path)
    coords = df["address"].map(lambda a: geocode(a, key))
    df["lat"] = [c[0] for c in coords]
    df["lon"] = [c[1] for c in coords]
    df.to_csv(path.replace(".csv", "_geo.csv"), index=False)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
