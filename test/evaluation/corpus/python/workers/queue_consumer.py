"""Consumes order events from Redis streams and writes them to Postgres."""
import json
import logging
import signal
import time

import psycopg2
import redis

log = logging.getLogger("orders.consumer")

STREAM = "orders:events"
GROUP = "warehouse"
BLOCK_MS = 5000
DB_RECONNECT_ATTEMPTS = 5
DB_RECONNECT_DELAY = 2.0

_running = True


def _stop(*_):
    global _running
    _running = False


def connect_db(dsn: str):
    for attempt in range(1, DB_RECONNECT_ATTEMPTS + 1):
        try:
            return psycopg2.connect(dsn)
        except psycopg2.OperationalError as exc:
            log.warning("database not ready (attempt %d): %s", attempt, exc)
            time.sleep(DB_RECONNECT_DELAY)
    raise RuntimeError("database unavailable")


def handle(conn, fields: dict) -> None:
    event = json.loads(fields[b"payload"])
    with conn, conn.cursor() as cur:
        cur.execute(
            "INSERT INTO order_events (order_id, kind, body) VALUES (%s, %s, %s) ON CONFLICT DO NOTHING",
            (event["order_id"], event["kind"], json.dumps(event)),
        )


def run(redis_url: str, dsn: str, consumer: str) -> None:
    signal.signal(signal.SIGTERM, _stop)
    r = redis.Redis.from_url(redis_url)
    conn = connect_db(dsn)
    while _running:
        batches = r.xreadgroup(GROUP, consumer, {STREAM: ">"}, count=100, block=BLOCK_MS)
        for _stream, messages in batches or []:
            for msg_id, fields in messages:
                handle(conn, fields)
                r.xack(STREAM, GROUP, msg_id)
    log.info("consumer %s stopped", consumer)
