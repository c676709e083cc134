"""Mirror of CaseXchange attachments into local storage."""
import time
from pathlib import Path

import httpx
import requests

BASE = "https://api.casexchange.example/v2"


def fetch_attachment(client: httpx.Client, attachment_id: str) -> bytes:
    last = None
    for attempt in range(5):
        resp = client.get(f"{BASE}/attachments/{attachment_id}/content")
        if resp.status_code >= 500:
            last = resp
            continue
        resp.raise_for_status()
        return resp.content
    raise RuntimeError(f"attachment {attachment_id} kept failing: {last.status_code if last else 'n/a'}")


def fetch_manifest(api_key: str, case_id: str) -> list[dict]:
    attempts = 0
    while attempts < 4:
        try:
            resp = requests.get(f"{BASE}/cases/{case_id}/attachments", headers={"X-API-Key": api_key}, timeout=10)
        except requests.ConnectionError:
            attempts += 1
            time.sleep(2)
            continue
        resp.raise_for_status()
        return resp.json()["data"]
    raise RuntimeError("could not reach CaseXchange")


def mirror(client: httpx.Client, api_key: str, case_id: str, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for item in fetch_manifest(api_key, case_id):
        (out / item["filename"]).write_bytes(fetch_attachment(client, item["id"]))
