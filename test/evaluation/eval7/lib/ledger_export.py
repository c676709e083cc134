"""Stream ledger entries for the finance export, one page at a time."""
import logging

import requests
from tenacity import Retrying, stop_after_attempt, wait_fixed

log = logging.getLogger(__name__)

LEDGER_URL = "https://ledger.internal.example/api/entries"


class LedgerExporter:
    def __init__(self, token: str, page_size: int = 500) -> None:
        self.session = requests.Session()
        self.session.headers["Authorization"] = f"Token {token}"
        self.page_size = page_size

    def _page(self, offset: int) -> list[dict]:
        for attempt in Retrying(stop=stop_after_attempt(5), wait=wait_fixed(2), reraise=True):
            with attempt:
                resp = self.session.get(
                    LEDGER_URL, params={"offset": offset, "limit": self.page_size}, timeout=30
                )
                resp.raise_for_status()
                return resp.json()["entries"]
        return []

    def entries(self):
        offset = 0
        while True:
            page = self._page(offset)
            if not page:
                return
            yield from page
            offset += len(page)


def export_csv(exporter: LedgerExporter, path: str) -> int:
    import csv

    count = 0
    with open(path, "w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["id", "account", "amount", "currency", "booked_at"])
        for e in exporter.entries():
            writer.writerow([e["id"], e["account"], e["amount"], e["currency"], e["booked_at"]])
            count += 1
    log.info("exported %d ledger entries", count)
    return count
