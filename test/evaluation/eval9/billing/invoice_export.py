"""Nightly export of finalised invoices to the accounting system."""
import logging

import requests

log = logging.getLogger(__name__)


class ExportRateLimited(Exception):
    def __init__(self, retry_after):
        super().__init__(f"rate limited, retry after {retry_after}s")
        self.retry_after = retry_after


class ExportRejected(Exception):
    pass


def export_invoice(session: requests.Session, base_url: str, invoice: dict) -> str | None:
    resp = session.put(f"{base_url}/invoices/{invoice['number']}", json=invoice, timeout=30)
    match resp.status_code:
        case 200 | 201:
            return resp.json()["ledger_id"]
        case 404:
            log.warning("ledger account for %s not found", invoice["number"])
            return None
        case 409:
            return resp.json().get("ledger_id")
        case 429:
            raise ExportRateLimited(int(resp.headers.get("Retry-After", "60")))
        case 401 | 403:
            raise ExportRejected("accounting credentials rejected")
        case _:
            raise ExportRejected(f"unexpected status {resp.status_code}: {resp.text[:200]}")


def export_all(session, base_url, invoices):
    done = []
    for invoice in invoices:
        ledger_id = export_invoice(session, base_url, invoice)
        if ledger_id:
            done.append((invoice["number"], ledger_id))
    return done
