"""Session lookups for the support console."""
import logging

import httpx

log = logging.getLogger(__name__)
API = "https://sessions.example.com/v1"


class SessionGone(Exception):
    pass


def describe_session(client: httpx.Client, session_id: str) -> dict:
    resp = client.get(f"{API}/sessions/{session_id}")
    match resp.status_code:
        case 200:
            return resp.json()
        case 400:
            raise ValueError(resp.json()["error"]["message"])
        case 401 | 403:
            raise PermissionError("console token rejected")
        case 404 | 410:
            raise SessionGone(session_id)
        case 500 | 502 | 503:
            log.warning("sessions API unavailable for %s", session_id)
            raise RuntimeError("sessions API unavailable")
        case _:
            resp.raise_for_status()
            return resp.json()


def session_owner(client: httpx.Client, session_id: str) -> str | None:
    try:
        return describe_session(client, session_id)["owner"]
    except SessionGone:
        return None
