"""Upload a day's point-of-sale transactions to the accounting service."""
from __future__ import annotations

import csv
import logging
from dataclasses import dataclass, field
from pathlib import Path

import httpx

log = logging.getLogger("pos.upload")

CHUNK = 1000


@dataclass
class UploadSummary:
    created: int = 0
    duplicates: int = 0
    failures: list[tuple[str, int, str]] = field(default_factory=list)


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="") as fh:
        return list(csv.DictReader(fh))


def upload_day(client: httpx.Client, path: Path) -> UploadSummary:
    summary = UploadSummary()
    rows = read_rows(path)
    for n, row in enumerate(rows, start=1):
        resp = client.post(
            "/transactions",
            json={"external_id": row["txn_id"], "amount": row["amount"], "store": row["store_id"]},
            headers={"Idempotency-Key": f"pos-{row['txn_id']}"},
        )
        if resp.status_code == 409:
            summary.duplicates += 1
            continue
        if resp.is_error:
            summary.failures.append((row["txn_id"], resp.status_code, resp.text[:200]))
            continue
        summary.created += 1
        if n % CHUNK == 0:
            log.info("%d/%d rows uploaded", n, len(rows))
    return summary


def main(folder: str, base_url: str, token: str) -> int:
    failed = 0
    with httpx.Client(base_url=base_url, headers={"Authorization": f"Bearer {token}"}, timeout=20) as client:
        for path in sorted(Path(folder).glob("*.csv")):
            result = upload_day(client, path)
            log.info("%s: %d created, %d duplicates, %d failed", path.name, result.created, result.duplicates, len(result.failures))
            failed += len(result.failures)
    return 1 if failed else 0
