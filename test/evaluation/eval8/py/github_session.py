import os

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

API = "https://api.github.com"


def make_session(token: str | None = None) -> requests.Session:
    retry = Retry(
        total=4,
        backoff_factor=0.5,
        backoff_jitter=0.25,
        status_forcelist=[429, 500, 502, 503, 504],
        respect_retry_after_header=True,
    )
    session = requests.Session()
    session.mount("https://", HTTPAdapter(max_retries=retry))
    session.headers.update(
        {
            "Accept": "application/vnd.github+json",
            "Authorization": f"Bearer {token or os.environ['GITHUB_TOKEN']}",
        }
    )
    return session


def open_pull_requests(session: requests.Session, repo: str) -> list[dict]:
    pulls = []
    url = f"{API}/repos/{repo}/pulls"
    params = {"state": "open", "per_page": 100}
    while url:
        resp = session.get(url, params=params, timeout=15)
        resp.raise_for_status()
        pulls.extend(resp.json())
        url = resp.links.get("next", {}).get("url")
        params = None
    return pulls


if __name__ == "__main__":
    import sys

    s = make_session()
    for pr in open_pull_requests(s, sys.argv[1]):
        print(f"#{pr['number']} {pr['title']}")
