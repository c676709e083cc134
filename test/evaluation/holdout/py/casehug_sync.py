"""Syncs client records to CaseHug (api.calmintake.com) from the CRM export."""
import logging

import requests

log = logging.getLogger(__name__)
BASE = "https://api.calmintake.com/v1"


class CaseHug:
    def __init__(self, api_key: str):
        self.http = requests.Session()
        self.http.headers.update({"Authorization": f"Bearer {api_key}"})

    def update_client(self, client_id: str, fields: dict) -> dict | None:
        try:
            resp = self.http.patch(f"{BASE}/clients/{client_id}", json=fields, timeout=15)
            resp.raise_for_status()
            return resp.json()
        except requests.HTTPError as exc:
            status = exc.response.status_code
            body = exc.response.json() if exc.response.content else {}
            if status == 404:
                log.info("client %s no longer exists in CaseHug", client_id)
                return None
            elif status == 422:
                log.warning("CaseHug rejected %s: %s", client_id, body.get("details"))
                return None
            elif status == 409:
                log.warning("edit conflict on %s (%s)", client_id, body.get("code"))
                return None
            raise


def sync(records, api_key: str) -> int:
    ch = CaseHug(api_key)
    updated = 0
    for rec in records:
        if ch.update_client(rec["casehug_id"], rec["fields"]) is not None:
            updated += 1
    return updated
