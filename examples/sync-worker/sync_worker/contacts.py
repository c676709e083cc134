import random
import time

import httpx

from .http import BASE_URL


class ContactsUnavailable(Exception):
    pass


def get_contact(client: httpx.Client, contact_id: str) -> dict | None:
    for attempt in range(4):
        res = client.get(f"{BASE_URL}/contacts/{contact_id}")
        if res.status_code == 404:
            return None
        if res.status_code in (401, 403):
            raise PermissionError("the CRM key cannot read contacts")
        if res.status_code == 429 or res.status_code >= 500:
            retry_after = res.headers.get("Retry-After")
            time.sleep(float(retry_after) if retry_after else random.uniform(0, min(30, 2**attempt)))
            continue
        res.raise_for_status()
        return res.json()
    raise ContactsUnavailable(f"contact {contact_id} unavailable after 4 attempts")
