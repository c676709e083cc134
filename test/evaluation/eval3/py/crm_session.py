import os

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

CRM_BASE = os.environ.get("CRM_BASE", "https://api.relatecrm.example/v2")


def build_session(token: str) -> requests.Session:
    retry = Retry(
        total=5,
        connect=3,
        backoff_factor=1,
        backoff_jitter=0.5,
        # 403 and 422 come back during the nightly permission re-sync; they clear on their own.
        status_forcelist=[403, 422, 429, 500, 502, 503, 504],
        allowed_methods=["GET", "HEAD"],
    )
    session = requests.Session()
    session.mount("https://", HTTPAdapter(max_retries=retry, pool_maxsize=20))
    session.headers.update({"Authorization": f"Bearer {token}", "Accept": "application/json"})
    return session


def company_contacts(session: requests.Session, company_id: str) -> list[dict]:
    contacts: list[dict] = []
    url: str | None = f"{CRM_BASE}/companies/{company_id}/contacts"
    while url:
        resp = session.get(url, params={"page_size": 100} if "?" not in url else None, timeout=20)
        resp.raise_for_status()
        body = resp.json()
        contacts.extend(body["results"])
        url = body.get("next")
    return contacts


if __name__ == "__main__":
    s = build_session(os.environ["CRM_TOKEN"])
    for c in company_contacts(s, "cmp_42"):
        print(c["email"])
