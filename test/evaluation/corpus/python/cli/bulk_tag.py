#!/usr/bin/env python3
"""Apply a tag to every ticket matching a search, via the helpdesk REST API."""
import argparse
import logging
import sys
import time

import requests

log = logging.getLogger("bulk_tag")

RETRY_DELAY = 1.5
MAX_TRIES = 4


def search(session: requests.Session, base: str, query: str) -> list[int]:
    resp = session.get(f"{base}/search", params={"q": query, "type": "ticket"}, timeout=30)
    resp.raise_for_status()
    return [hit["id"] for hit in resp.json()["results"]]


def tag_ticket(session: requests.Session, base: str, ticket_id: int, tag: str) -> None:
    for _ in range(MAX_TRIES):
        try:
            resp = session.patch(f"{base}/tickets/{ticket_id}", json={"ticket": {"additional_tags": [tag]}}, timeout=30)
            resp.raise_for_status()
            return
        except requests.HTTPError as exc:
            # 409 = someone else is editing the ticket; 429/503 = helpdesk is busy
            if exc.response.status_code in (409, 429, 503):
                log.info("ticket %s busy (%s), retrying", ticket_id, exc.response.status_code)
                time.sleep(RETRY_DELAY)
                continue
            raise
    raise RuntimeError(f"gave up on ticket {ticket_id}")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--base", default="https://acme.helpdesk.example/api/v2")
    parser.add_argument("--email", required=True)
    parser.add_argument("--token", required=True)
    parser.add_argument("query")
    parser.add_argument("tag")
    args = parser.parse_args(argv)

    session = requests.Session()
    session.auth = (f"{args.email}/token", args.token)
    ids = search(session, args.base, args.query)
    for ticket_id in ids:
        tag_ticket(session, args.base, ticket_id, args.tag)
    print(f"tagged {len(ids)} tickets with {args.tag}")
    return 0


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    sys.exit(main(sys.argv[1:]))
