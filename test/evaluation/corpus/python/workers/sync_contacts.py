"""Mirror the newsletter provider's subscriber list into our database every few minutes."""
import logging
import time

import requests
from sqlalchemy import text

from app.db import engine

log = logging.getLogger("newsletter.sync")

PROVIDER_URL = "https://newsletter.example.com/api/lists/{list_id}/members"
PAGE = 1000
RETRY_SECONDS = 10


def fetch_members(list_id: str, api_key: str) -> list[dict]:
    members: list[dict] = []
    offset = 0
    while True:
        try:
            resp = requests.get(
                PROVIDER_URL.format(list_id=list_id),
                params={"offset": offset, "count": PAGE},
                auth=("anystring", api_key),
                timeout=30,
            )
            resp.raise_for_status()
        except Exception:
            log.exception("member fetch failed at offset %d, retrying", offset)
            time.sleep(RETRY_SECONDS)
            continue
        batch = resp.json()["members"]
        members.extend(batch)
        if len(batch) < PAGE:
            return members
        offset += PAGE


def store(members: list[dict]) -> None:
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM newsletter_members"))
        conn.execute(
            text("INSERT INTO newsletter_members (email, status) VALUES (:email, :status)"),
            [{"email": m["email_address"], "status": m["status"]} for m in members],
        )
