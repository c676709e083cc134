"""Reads the public holidays feed with the standard library only (runs on bare hosts)."""
import json
import urllib.error
import urllib.request

FEED = "https://holidays.example.org/api/v1/{country}/{year}.json"


def holidays(country: str, year: int) -> list[dict]:
    req = urllib.request.Request(
        FEED.format(country=country.upper(), year=year),
        headers={"Accept": "application/json", "User-Agent": "ops-scripts/1.4"},
    )
    try:
        with urllib.request.urlopen(req, timeout=10) as resp:
            return json.load(resp)
    except urllib.error.HTTPError as e:
        if e.code == 404:
            # country not covered by the feed
            return []
        raise


def is_holiday(day: str, country: str) -> bool:
    year = int(day[:4])
    return any(h["date"] == day for h in holidays(country, year))


if __name__ == "__main__":
    import sys

    print(is_holiday(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "DE"))
