"""Admin script: backfill orders from the storefront API into the warehouse."""
import argparse
import json
import time

import requests

API = "https://storefront.example.com/admin/api/orders"


def fetch_page(session, cursor=None):
    params = {"limit": 250}
    if cursor:
        params["page_info"] = cursor
    try:
        resp = session.get(API, params=params, timeout=30)
        resp.raise_for_status()
    except requests.HTTPError as exc:
        if exc.response.status_code == 429:
            time.sleep(int(exc.response.headers.get("Retry-After", "5")))
            return fetch_page(session, cursor)
        raise
    data = resp.json()
    return data["orders"], data.get("next_cursor")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--token", required=True)
    parser.add_argument("--out", default="orders.jsonl")
    args = parser.parse_args()

    session = requests.Session()
    session.headers["X-Access-Token"] = args.token
    cursor = None
    with open(args.out, "w") as fh:
        while True:
            orders, cursor = fetch_page(session, cursor)
            for order in orders:
                fh.write(json.dumps(order) + "\n")
            if not cursor:
                break


if __name__ == "__main__":
    main()
