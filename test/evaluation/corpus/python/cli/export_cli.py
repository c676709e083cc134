#!/usr/bin/env python3
"""Export audit events to newline-delimited JSON."""
import json
import sys
from datetime import datetime, timedelta, timezone

import backoff
import click
import requests

API_URL = "https://audit.example.com/api/v1/events"
PAGE_LIMIT = 500


@backoff.on_exception(backoff.expo, (requests.ConnectionError, requests.Timeout), max_tries=5, max_time=120)
def _get_page(session: requests.Session, params: dict) -> dict:
    resp = session.get(API_URL, params=params, timeout=30)
    resp.raise_for_status()
    return resp.json()


@click.command()
@click.option("--token", envvar="AUDIT_TOKEN", required=True)
@click.option("--days", default=7, show_default=True, help="How many days back to export.")
@click.option("--out", type=click.File("w"), default="-")
def main(token: str, days: int, out) -> None:
    since = datetime.now(timezone.utc) - timedelta(days=days)
    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {token}"

    params = {"since": since.isoformat(), "limit": PAGE_LIMIT}
    total = 0
    while True:
        page = _get_page(session, params)
        for event in page["events"]:
            out.write(json.dumps(event) + "\n")
        total += len(page["events"])
        if not page.get("next_cursor"):
            break
        params = {"cursor": page["next_cursor"], "limit": PAGE_LIMIT}

    click.echo(f"exported {total} events", err=True)


if __name__ == "__main__":
    try:
        main()
    except requests.HTTPError as exc:
        click.echo(f"audit API error: {exc}", err=True)
        sys.exit(2)
