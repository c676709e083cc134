"""Streams audit events from the Casework API into the warehouse."""
import logging

import backoff
import httpx

log = logging.getLogger(__name__)
EVENTS = "https://api.casework.example/v1/audit/events"


@backoff.on_exception(
    backoff.expo,
    (httpx.ConnectError, httpx.ReadTimeout, httpx.RemoteProtocolError),
    max_tries=None,
    max_value=60,
)
def fetch_page(client: httpx.Client, cursor: str | None) -> dict:
    params = {"limit": 500}
    if cursor:
        params["cursor"] = cursor
    resp = client.get(EVENTS, params=params)
    resp.raise_for_status()
    return resp.json()


def drain(client: httpx.Client, sink) -> int:
    cursor = None
    total = 0
    while True:
        page = fetch_page(client, cursor)
        sink.write_many(page["events"])
        total += len(page["events"])
        cursor = page.get("next_cursor")
        if not cursor:
            log.info("drained %d audit events", total)
            return total
