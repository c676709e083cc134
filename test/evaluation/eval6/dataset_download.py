#!/usr/bin/env python3
"""Downloads the open-data extracts listed in manifest.json into ./data."""
import json
import pathlib
import sys

import requests
from requests.adapters import HTTPAdapter
from urllib3.util import Retry

OUT = pathlib.Path("data")


def make_session() -> requests.Session:
    retry = Retry(
        total=5,
        connect=3,
        backoff_factor=1,
        backoff_jitter=0.5,
        status_forcelist=(429, 500, 502, 503, 504),
        allowed_methods=frozenset({"GET", "HEAD"}),
        respect_retry_after_header=True,
    )
    s = requests.Session()
    s.mount("https://", HTTPAdapter(max_retries=retry))
    return s


def download(session: requests.Session, url: str, dest: pathlib.Path) -> int:
    with session.get(url, stream=True, timeout=(5, 60)) as r:
        if r.status_code == 404:
            print(f"skip {url}: not published yet", file=sys.stderr)
            return 0
        r.raise_for_status()
        size = 0
        with dest.open("wb") as fh:
            for chunk in r.iter_content(chunk_size=1 << 20):
                fh.write(chunk)
                size += len(chunk)
    return size


def main() -> None:
    OUT.mkdir(exist_ok=True)
    manifest = json.loads(pathlib.Path("manifest.json").read_text())
    session = make_session()
    total = sum(download(session, item["url"], OUT / item["name"]) for item in manifest["files"])
    print(f"downloaded {total / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
