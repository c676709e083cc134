#!/usr/bin/env python3
"""Weekly revenue report: pulls invoices from the billing API into a DataFrame."""
import os
from datetime import date, timedelta

import pandas as pd
import requests
from tenacity import retry, stop_after_attempt, wait_exponential

API = os.environ.get("BILLING_API", "https://billing.example.com/api")
TOKEN = os.environ["BILLING_TOKEN"]


@retry(
    stop=stop_after_attempt(5),
    wait=wait_exponential(multiplier=1, min=1, max=30),
)
def fetch_invoices(since: date, page: int) -> dict:
    resp = requests.get(
        f"{API}/invoices",
        params={"since": since.isoformat(), "page": page, "per_page": 200},
        headers={"Authorization": f"Bearer {TOKEN}"},
        timeout=20,
    )
    resp.raise_for_status()
    return resp.json()


def load_week() -> pd.DataFrame:
    since = date.today() - timedelta(days=7)
    rows, page = [], 1
    while True:
        body = fetch_invoices(since, page)
        rows.extend(body["data"])
        if not body.get("next_page"):
            break
        page = body["next_page"]
    return pd.DataFrame(rows)


if __name__ == "__main__":
    df = load_week()
    summary = df.groupby("currency")["amount"].agg(["count", "sum"])
    print(summary.to_markdown())
