"""Collects weekly contributor stats for the engineering dashboard."""
import os

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

GITHUB = "https://api.github.com"


def make_session(token: str) -> requests.Session:
    retry = Retry(
        total=5,
        backoff_factor=0.5,
        backoff_jitter=0.3,
        status_forcelist=[429, 500, 502, 503, 504],
        allowed_methods=["GET", "HEAD"],
        respect_retry_after_header=True,
    )
    session = requests.Session()
    session.mount("https://", HTTPAdapter(max_retries=retry))
    session.headers.update(
        {
            "Authorization": f"Bearer {token}",
            "Accept": "application/vnd.github+json",
        }
    )
    return session


def contributor_stats(session: requests.Session, owner: str, repo: str) -> list[dict]:
    resp = session.get(f"{GITHUB}/repos/{owner}/{repo}/stats/contributors", timeout=20)
    if resp.status_code == 202:
        # stats are being computed; the dashboard shows "pending" and the next run picks them up
        return []
    resp.raise_for_status()
    return [
        {"login": row["author"]["login"], "commits": row["total"]}
        for row in resp.json()
        if row.get("author")
    ]


def main() -> None:
    session = make_session(os.environ["GITHUB_TOKEN"])
    for full_name in os.environ.get("DASHBOARD_REPOS", "").split(","):
        if not full_name:
            continue
        owner, repo = full_name.split("/", 1)
        stats = contributor_stats(session, owner, repo)
        print(full_name, sum(s["commits"] for s in stats))


if __name__ == "__main__":
    main()
