"""List issues across a GitHub repository, following Link-header pagination."""
from __future__ import annotations

import os
from collections.abc import Iterator

import httpx

API = "https://api.github.com"
PER_PAGE = 100


def _client() -> httpx.Client:
    token = os.environ["GITHUB_TOKEN"]
    return httpx.Client(
        base_url=API,
        headers={"Authorization": f"Bearer {token}", "Accept": "application/vnd.github+json"},
        timeout=20.0,
    )


def iter_issues(owner: str, repo: str, state: str = "open") -> Iterator[dict]:
    with _client() as client:
        url: str | None = f"/repos/{owner}/{repo}/issues"
        params: dict | None = {"state": state, "per_page": PER_PAGE}
        while url:
            resp = client.get(url, params=params)
            resp.raise_for_status()
            yield from resp.json()
            next_link = resp.links.get("next")
            url = next_link["url"] if next_link else None
            params = None  # the next URL already carries the query


def count_by_label(owner: str, repo: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for issue in iter_issues(owner, repo):
        for label in issue.get("labels", []):
            counts[label["name"]] = counts.get(label["name"], 0) + 1
    return counts


if __name__ == "__main__":
    import sys

    for name, n in sorted(count_by_label(sys.argv[1], sys.argv[2]).items(), key=lambda kv: -kv[1]):
        print(f"{n:5d}  {name}")
