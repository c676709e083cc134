import requests
from tenacity import retry

from .http import BASE_URL


@retry
def fetch_user(user_id: str, api_key: str) -> dict:
    res = requests.get(f"{BASE_URL}/users/{user_id}", headers={"Authorization": f"Bearer {api_key}"}, timeout=10)
    res.raise_for_status()
    return res.json()


def list_users(session: requests.Session) -> list[dict]:
    users: list[dict] = []
    cursor = None
    while True:
        res = session.get(f"{BASE_URL}/users", params={"cursor": cursor, "limit": 200}, timeout=10)
        res.raise_for_status()
        page = res.json()
        users.extend(page["data"])
        if not page["has_more"]:
            break
        cursor = page["next_cursor"]
    return users
