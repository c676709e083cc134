"""Multipart uploads to an S3-compatible object store (MinIO in dev, Wasabi in prod)."""
import random
import time
from xml.etree import ElementTree as ET

import requests

PART_SIZE = 8 * 1024 * 1024


class UploadFailed(Exception):
    pass


def upload_parts(part_urls: list[str], blob: bytes) -> list[str]:
    etags = []
    for index, url in enumerate(part_urls):
        chunk = blob[index * PART_SIZE : (index + 1) * PART_SIZE]
        resp = requests.put(url, data=chunk, timeout=300)
        resp.raise_for_status()
        etags.append(resp.headers["ETag"])
    return etags


def complete_upload(complete_url: str, etags: list[str]) -> str:
    parts = "".join(
        f"<Part><PartNumber>{n}</PartNumber><ETag>{etag}</ETag></Part>" for n, etag in enumerate(etags, start=1)
    )
    body = f"<CompleteMultipartUpload>{parts}</CompleteMultipartUpload>"
    for attempt in range(4):
        resp = requests.post(complete_url, data=body, headers={"Content-Type": "application/xml"}, timeout=60)
        if resp.status_code >= 500:
            time.sleep(random.uniform(0.5, 1.5) * 2 ** attempt)
            continue
        resp.raise_for_status()
        return ET.fromstring(resp.content).findtext("{*}Location", default="")
    raise UploadFailed(f"could not complete upload after 4 attempts: {complete_url}")
