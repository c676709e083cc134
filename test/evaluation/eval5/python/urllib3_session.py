"""Shared requests session for read/update traffic to the sessions API."""
import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

API = "https://sessions.example.com/v1"


def build_session(token: str) -> requests.Session:
    retry = Retry(
        total=5,
        connect=3,
        backoff_factor=0.5,
        backoff_jitter=0.5,
        backoff_max=30,
        status_forcelist=[429, 500, 502, 503, 504],
        allowed_methods=frozenset({"GET", "PUT", "DELETE"}),
        respect_retry_after_header=True,
        raise_on_status=False,
    )
    session = requests.Session()
    session.mount("https://", HTTPAdapter(max_retries=retry))
    session.headers.update({"Authorization": f"Bearer {token}"})
    return session


def get_session(session: requests.Session, session_id: str) -> dict:
    resp = session.get(f"{API}/sessions/{session_id}", timeout=10)
    resp.raise_for_status()
    return resp.json()


def rename_session(session: requests.Session, session_id: str, name: str) -> dict:
    resp = session.put(f"{API}/sessions/{session_id}", json={"name": name}, timeout=10)
    resp.raise_for_status()
    return resp.json()


def delete_session(session: requests.Session, session_id: str) -> None:
    resp = session.delete(f"{API}/sessions/{session_id}", timeout=10)
    if resp.status_code == 404:
        return
    resp.raise_for_status()
