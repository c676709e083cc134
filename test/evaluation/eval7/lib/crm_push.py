"""Push lead updates to the partner CRM."""
import logging

import backoff
import requests

log = logging.getLogger(__name__)

CRM_URL = "https://crm.partner.example/api/v2"


def _log_backoff(details):
    log.warning(
        "crm call %s backing off %.1fs after %d tries",
        details["target"].__name__,
        details["wait"],
        details["tries"],
    )


@backoff.on_exception(backoff.expo, Exception, max_time=300, on_backoff=_log_backoff)
def push_lead(session: requests.Session, lead: dict) -> str:
    resp = session.post(f"{CRM_URL}/leads", json=lead, timeout=20)
    resp.raise_for_status()
    return resp.json()["id"]


def push_all(token: str, leads: list[dict]) -> dict[str, str]:
    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {token}"
    created = {}
    for lead in leads:
        created[lead["email"]] = push_lead(session, lead)
    return created
