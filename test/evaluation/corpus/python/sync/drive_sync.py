"""Mirror a shared Drive folder's file list into the document index."""
import logging
import random
import time

import requests

log = logging.getLogger(__name__)

FILES_URL = "https://www.googleapis.com/drive/v3/files"
MAX_ATTEMPTS = 6


def _list_page(token: str, folder_id: str, page_token: str | None) -> dict:
    params = {
        "q": f"'{folder_id}' in parents and trashed = false",
        "fields": "nextPageToken, files(id, name, mimeType, modifiedTime)",
        "pageSize": 1000,
    }
    if page_token:
        params["pageToken"] = page_token

    delay = 1.0
    for attempt in range(MAX_ATTEMPTS):
        resp = requests.get(FILES_URL, params=params, headers={"Authorization": f"Bearer {token}"}, timeout=30)
        # Drive signals per-user quota as 403 userRateLimitExceeded as well as 429
        if resp.status_code in (403, 429) and attempt < MAX_ATTEMPTS - 1:
            time.sleep(delay + random.uniform(0, 1))
            delay *= 2
            continue
        resp.raise_for_status()
        return resp.json()
    raise RuntimeError("unreachable")


def list_folder(token: str, folder_id: str) -> list[dict]:
    files: list[dict] = []
    page_token = None
    while True:
        page = _list_page(token, folder_id, page_token)
        files.extend(page.get("files", []))
        page_token = page.get("nextPageToken")
        if not page_token:
            break
    log.info("folder %s has %d files", folder_id, len(files))
    return files
