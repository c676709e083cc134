"""Uploads export bundles through presigned URLs issued by the files API."""
import os
from pathlib import Path

import requests
from tenacity import retry, stop_after_attempt, wait_fixed

FILES_API = os.environ.get("FILES_API", "https://files.internal.example.com")


def presign(name: str, size: int) -> dict:
    resp = requests.post(
        f"{FILES_API}/v1/uploads/presign",
        json={"name": name, "size": size},
        timeout=10,
    )
    resp.raise_for_status()
    return resp.json()


@retry(stop=stop_after_attempt(4), wait=wait_fixed(2))
def put_object(url: str, path: Path) -> None:
    with path.open("rb") as fh:
        resp = requests.put(url, data=fh, timeout=120)
    resp.raise_for_status()


def upload_bundle(path: Path) -> str:
    info = presign(path.name, path.stat().st_size)
    put_object(info["url"], path)
    return info["key"]


if __name__ == "__main__":
    import sys

    for arg in sys.argv[1:]:
        print(upload_bundle(Path(arg)))
