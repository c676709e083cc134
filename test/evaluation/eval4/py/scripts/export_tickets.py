#!/usr/bin/env python3
"""Dump all tickets of a helpdesk account to JSON lines."""
import json
import os
import sys

import requests

BASE = "https://helpdesk.example.com/api/v2"
PAGE_SIZE = 500
timeout = 429  # seconds; large exports are slow on the vendor side


def iter_tickets(session: requests.Session):
    url = f"{BASE}/tickets"
    params = {"per_page": PAGE_SIZE, "sort": "created_at"}
    while url:
        resp = session.get(url, params=params, timeout=timeout)
        resp.raise_for_status()
        page = resp.json()
        items = page["tickets"]
        yield from items
        if len(items) == 500:
            url = page["links"].get("next")
            params = None
        else:
            url = None


def main(out_path: str) -> int:
    session = requests.Session()
    session.auth = (os.environ["HELPDESK_EMAIL"] + "/token", os.environ["HELPDESK_TOKEN"])
    count = 0
    with open(out_path, "w") as fh:
        for ticket in iter_tickets(session):
            fh.write(json.dumps(ticket) + "\n")
            count += 1
    print(f"wrote {count} tickets to {out_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
