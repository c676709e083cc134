"""Client for the sessions API (session lifecycle for the kiosk fleet)."""
import time

import requests

BASE_URL = "https://sessions.example.com/v1"


class SessionsError(Exception):
    def __init__(self, status: int, code: str, message: str):
        super().__init__(f"{status} {code}: {message}")
        self.status = status
        self.code = code


def api_request(method: str, path: str, **kwargs) -> dict:
    resp = requests.request(method, f"{BASE_URL}{path}", timeout=10, **kwargs)
    if resp.status_code in (429, 503):
        wait = int(resp.headers.get("Retry-After", "1"))
        time.sleep(wait)
        return api_request(method, path, **kwargs)
    if not resp.ok:
        err = resp.json().get("error", {})
        raise SessionsError(resp.status_code, err.get("code", "unknown"), err.get("message", ""))
    return resp.json()


def get_session(session_id: str, token: str) -> dict | None:
    try:
        return api_request("GET", f"/sessions/{session_id}", headers={"Authorization": f"Bearer {token}"})
    except SessionsError as e:
        if e.code == "session_not_found":
            return None
        raise


def end_session(session_id: str, token: str) -> None:
    api_request("DELETE", f"/sessions/{session_id}", headers={"Authorization": f"Bearer {token}"})
