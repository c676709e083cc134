import os
from pathlib import Path

import requests
from requests.adapters import HTTPAdapter
from urllib3.util import Retry

CDN_BASE = os.environ.get("MEDIA_CDN", "https://cdn.media.example.com")


def make_session() -> requests.Session:
    retry = Retry(
        total=4,
        backoff_factor=1,
        backoff_jitter=1,
        status_forcelist=[413, 429, 500, 502, 503, 504],
    )
    session = requests.Session()
    session.mount("https://", HTTPAdapter(max_retries=retry, pool_maxsize=16))
    return session


def download(session: requests.Session, key: str, dest_dir: Path) -> Path:
    dest = dest_dir / Path(key).name
    with session.get(f"{CDN_BASE}/{key}", stream=True, timeout=(5, 60)) as resp:
        resp.raise_for_status()
        with open(dest, "wb") as fh:
            for chunk in resp.iter_content(chunk_size=1 << 16):
                fh.write(chunk)
    return dest


def download_all(keys: list[str], dest_dir: str) -> list[Path]:
    out = Path(dest_dir)
    out.mkdir(parents=True, exist_ok=True)
    session = make_session()
    return [download(session, k, out) for k in keys]
