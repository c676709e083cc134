"""Nightly ETL: extract orders from the shop API, transform, load into the warehouse."""
from __future__ import annotations

import datetime as dt
import logging
import time

import psycopg
import requests

log = logging.getLogger("etl.orders")
SHOP_API = "https://shop.example.com/admin/api/2024-01"


def extract(session: requests.Session, day: dt.date):
    params = {"created_at_min": day.isoformat(), "created_at_max": (day + dt.timedelta(days=1)).isoformat(), "limit": 250}
    url = f"{SHOP_API}/orders.json"
    while url:
        resp = session.get(url, params=params, timeout=30)
        resp.raise_for_status()
        yield from resp.json()["orders"]
        url = resp.links.get("next", {}).get("url")
        params = None  # the next link already carries them


def transform(order: dict) -> tuple:
    total = sum(float(li["price"]) * li["quantity"] for li in order["line_items"])
    return (order["id"], order["created_at"], order.get("currency", "EUR"), round(total, 2))


def connect_warehouse(dsn: str, attempts: int = 5) -> psycopg.Connection:
    for n in range(1, attempts + 1):
        try:
            return psycopg.connect(dsn, connect_timeout=5)
        except psycopg.OperationalError:
            if n == attempts:
                raise
            log.warning("warehouse not ready, attempt %d/%d", n, attempts)
            time.sleep(3)
    raise RuntimeError("unreachable")


def run(day: dt.date, dsn: str, token: str) -> int:
    session = requests.Session()
    session.headers["X-Shop-Access-Token"] = token
    rows = [transform(o) for o in extract(session, day)]
    with connect_warehouse(dsn) as conn, conn.cursor() as cur:
        cur.executemany(
            "INSERT INTO orders_daily (id, created_at, currency, total) VALUES (%s, %s, %s, %s) "
            "ON CONFLICT (id) DO UPDATE SET total = EXCLUDED.total",
            rows,
        )
    log.info("loaded %d orders for %s", len(rows), day)
    return len(rows)
