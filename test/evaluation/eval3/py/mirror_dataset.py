#!/usr/bin/env python3
"""Mirror a published dataset file from the open-data portal."""
import shutil
import sys
import time
import urllib.error
import urllib.request

PORTAL = "https://data.cityportal.example/api/views"


def download(dataset_id: str, dest: str, attempts: int = 5) -> None:
    url = f"{PORTAL}/{dataset_id}/rows.csv?accessType=DOWNLOAD"
    req = urllib.request.Request(url, headers={"User-Agent": "mirror-bot/1.2"})
    for attempt in range(1, attempts + 1):
        try:
            with urllib.request.urlopen(req, timeout=60) as resp, open(dest, "wb") as out:
                shutil.copyfileobj(resp, out)
            return
        except urllib.error.HTTPError as e:
            if e.status >= 500 and attempt < attempts:
                print(f"portal returned {e.status}, retrying", file=sys.stderr)
                time.sleep(min(60, 2 ** attempt))
                continue
            raise


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: mirror_dataset.py DATASET_ID DEST")
    download(sys.argv[1], sys.argv[2])
    print("ok")
