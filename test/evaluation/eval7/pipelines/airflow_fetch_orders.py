"""Airflow DAG: load yesterday's marketplace orders into the warehouse staging table."""
import json
import logging
import time
from datetime import datetime, timedelta

import requests
from airflow import DAG
from airflow.models import Variable
from airflow.operators.python import PythonOperator
from airflow.providers.postgres.hooks.postgres import PostgresHook

log = logging.getLogger(__name__)

ORDERS_API = "https://api.marketplace-partner.com/v3/orders"


def _fetch_page(cursor, day):
    token = Variable.get("marketplace_token")
    for attempt in range(5):
        try:
            resp = requests.get(
                ORDERS_API,
                params={"date": day, "cursor": cursor},
                headers={"Authorization": f"Bearer {token}"},
                timeout=60,
            )
            resp.raise_for_status()
            return resp.json()
        except Exception as exc:
            log.warning("orders page %s failed (attempt %d): %s", cursor, attempt + 1, exc)
            time.sleep(10)
    raise RuntimeError(f"giving up on orders page {cursor}")


def load_orders(ds, **_):
    hook = PostgresHook(postgres_conn_id="warehouse")
    cursor = None
    rows = 0
    while True:
        page = _fetch_page(cursor, ds)
        for order in page["orders"]:
            hook.run(
                "INSERT INTO staging.orders (id, payload) VALUES (%s, %s) ON CONFLICT (id) DO NOTHING",
                parameters=(order["id"], json.dumps(order)),
            )
            rows += 1
        cursor = page.get("next_cursor")
        if not cursor:
            break
    log.info("loaded %d orders for %s", rows, ds)


with DAG(
    dag_id="marketplace_orders_daily",
    start_date=datetime(2024, 1, 1),
    schedule="@daily",
    catchup=False,
    default_args={"retries": 1, "retry_delay": timedelta(minutes=15)},
) as dag:
    PythonOperator(task_id="load_orders", python_callable=load_orders)
