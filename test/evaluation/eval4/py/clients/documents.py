"""Fetches rendered documents from the document service after a render request."""
import logging
import random
import time

import requests

log = logging.getLogger(__name__)

DOCS_API = "https://docs-render.internal.example/v1"
MAX_ATTEMPTS = 5


def fetch_rendered(session: requests.Session, document_id: str) -> bytes:
    # The renderer writes to object storage asynchronously, so a document that was
    # just requested may not exist yet.
    for attempt in range(MAX_ATTEMPTS):
        resp = session.get(f"{DOCS_API}/documents/{document_id}/pdf", timeout=30)
        if resp.status_code in (404, 500, 502, 503, 504) and attempt < MAX_ATTEMPTS - 1:
            retry_after = resp.headers.get("Retry-After")
            wait = float(retry_after) if retry_after else random.uniform(0, 2 ** attempt)
            log.debug("document %s not ready (%s), waiting %.1fs", document_id, resp.status_code, wait)
            time.sleep(wait)
            continue
        resp.raise_for_status()
        return resp.content
    raise RuntimeError("unreachable")


def save_rendered(document_id: str, path: str) -> None:
    with requests.Session() as session:
        session.headers["Authorization"] = "Bearer " + open("/run/secrets/docs_token").read().strip()
        pdf = fetch_rendered(session, document_id)
    with open(path, "wb") as fh:
        fh.write(pdf)
