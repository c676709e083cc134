"""Polls the export service until a report is ready, within a deadline."""
from __future__ import annotations

import random
import time

import requests

EXPORTS = "https://exports.example-analytics.com/v1"


class ExportTimeout(Exception):
    pass


def fetch_report(report_id: str, token: str, deadline_s: float = 120.0) -> bytes:
    deadline = time.monotonic() + deadline_s
    attempt = 0
    while time.monotonic() < deadline:
        resp = requests.get(
            f"{EXPORTS}/reports/{report_id}/download",
            headers={"Authorization": f"Bearer {token}"},
            timeout=30,
        )
        if resp.status_code == 200:
            return resp.content
        if resp.status_code in (429, 503):
            retry_after = resp.headers.get("Retry-After")
            if retry_after is not None:
                delay = float(retry_after)
            else:
                delay = random.uniform(0, min(30, 2 ** attempt))
            attempt += 1
            time.sleep(min(delay, max(0.0, deadline - time.monotonic())))
            continue
        resp.raise_for_status()
        raise RuntimeError(f"unexpected status {resp.status_code}")
    raise ExportTimeout(f"report {report_id} not ready after {deadline_s:.0f}s")


if __name__ == "__main__":
    import os
    import sys

    data = fetch_report(sys.argv[1], os.environ["EXPORTS_TOKEN"])
    sys.stdout.buffer.write(data)
