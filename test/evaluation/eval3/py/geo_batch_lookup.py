import csv
import sys
import time

import requests

GEOCODER = "https://geocode.addressly.example/v1/search"


def lookup(session: requests.Session, address: str, key: str) -> tuple[float, float] | None:
    for attempt in range(4):
        resp = session.get(GEOCODER, params={"q": address, "key": key, "limit": 1}, timeout=10)
        if resp.status_code in (429, 503):
            time.sleep(5)
            continue
        resp.raise_for_status()
        hits = resp.json()["features"]
        if not hits:
            return None
        lon, lat = hits[0]["geometry"]["coordinates"]
        return lat, lon
    raise RuntimeError(f"geocoder kept refusing {address!r}")


def main(in_path: str, out_path: str, key: str) -> None:
    with requests.Session() as session, open(in_path, newline="") as src, open(out_path, "w", newline="") as dst:
        reader = csv.DictReader(src)
        writer = csv.DictWriter(dst, fieldnames=[*reader.fieldnames, "lat", "lon"])
        writer.writeheader()
        for row in reader:
            point = lookup(session, row["address"], key)
            row["lat"], row["lon"] = point if point else ("", "")
            writer.writerow(row)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3])
