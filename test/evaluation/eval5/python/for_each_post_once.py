"""Uploads a CSV of contacts to CaseHug, one POST per row, and writes a report of what failed."""
import csv
import logging
from pathlib import Path

import requests

log = logging.getLogger(__name__)
CONTACTS_URL = "https://api.calmintake.com/v1/contacts"


def upload(path: Path, api_key: str) -> dict:
    created, duplicates, failed = 0, [], []
    with path.open(newline="") as fh:
        for row in csv.DictReader(fh):
            resp = requests.post(
                CONTACTS_URL,
                json={"name": row["name"], "email": row["email"]},
                headers={"X-Api-Key": api_key},
                timeout=15,
            )
            if resp.status_code == 409:
                duplicates.append(row["email"])
                continue
            try:
                resp.raise_for_status()
            except requests.HTTPError as exc:
                log.error("contact %s failed: %s", row["email"], exc)
                failed.append({"email": row["email"], "status": resp.status_code})
                continue
            created += 1
    return {"created": created, "duplicates": duplicates, "failed": failed}


def write_report(report: dict, out: Path) -> None:
    with out.open("w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["email", "status"])
        for item in report["failed"]:
            writer.writerow([item["email"], item["status"]])
    log.info("created=%s duplicates=%s failed=%s", report["created"], len(report["duplicates"]), len(report["failed"]))
