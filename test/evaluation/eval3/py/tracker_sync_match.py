import logging
import time

import requests

log = logging.getLogger("tracker-sync")
TRACKER = "https://tracker.projectly.example/api/v2"


def fetch_ticket(session: requests.Session, ticket_id: str) -> dict | None:
    for attempt in range(3):
        resp = session.get(f"{TRACKER}/tickets/{ticket_id}", timeout=15)
        match resp.status_code:
            case 200:
                return resp.json()
            case 404 | 410:
                log.info("ticket %s is gone", ticket_id)
                return None
            case 409:
                raise RuntimeError(f"ticket {ticket_id} is locked by a migration")
            case 429:
                delay = float(resp.headers.get("Retry-After", "10"))
                log.warning("rate limited, sleeping %.0fs", delay)
                time.sleep(delay)
                continue
            case _:
                resp.raise_for_status()
                raise RuntimeError(f"unexpected {resp.status_code} for {ticket_id}")
    raise RuntimeError(f"ticket {ticket_id}: still rate limited after 3 attempts")


def sync(session: requests.Session, ticket_ids: list[str], store: dict) -> None:
    for tid in ticket_ids:
        ticket = fetch_ticket(session, tid)
        if ticket is None:
            store.pop(tid, None)
        else:
            store[tid] = {"title": ticket["title"], "state": ticket["state"]}
