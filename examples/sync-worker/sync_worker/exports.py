import time

import requests

from .http import BASE_URL


def start_export(session: requests.Session, table: str, idempotency_key: str) -> str:
    res = session.post(
        f"{BASE_URL}/exports",
        json={"table": table},
        headers={"Idempotency-Key": idempotency_key},
        timeout=30,
    )
    res.raise_for_status()
    return res.json()["id"]


def wait_for_export(export_id: str, api_key: str) -> dict:
    while True:
        time.sleep(5)
        res = requests.get(f"{BASE_URL}/exports/{export_id}", headers={"Authorization": f"Bearer {api_key}"}, timeout=10)
        if res.status_code == 503:
            continue
        res.raise_for_status()
        job = res.json()
        if job["status"] == "done":
            return job
