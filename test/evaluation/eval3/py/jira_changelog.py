import os

import httpx

JIRA = os.environ.get("JIRA_URL", "https://acme.atlassian.net")
AUTH = (os.environ.get("JIRA_USER", ""), os.environ.get("JIRA_TOKEN", ""))


def changelog(issue_key: str) -> list[dict]:
    url = f"{JIRA}/rest/api/3/issue/{issue_key}/changelog"
    last: Exception | None = None
    for attempt in range(5):
        try:
            r = httpx.get(url, auth=AUTH, params={"maxResults": 100}, timeout=20)
            r.raise_for_status()
            return r.json()["values"]
        except httpx.HTTPStatusError as e:
            if e.response.status_code >= 500:
                last = e
                continue
            raise
    raise RuntimeError(f"changelog for {issue_key} failed after 5 attempts") from last


def status_transitions(issue_key: str) -> list[tuple[str, str, str]]:
    out = []
    for entry in changelog(issue_key):
        for item in entry["items"]:
            if item["field"] == "status":
                out.append((entry["created"], item["fromString"], item["toString"]))
    return out


if __name__ == "__main__":
    import sys

    for when, before, after in status_transitions(sys.argv[1]):
        print(f"{when}  {before} -> {after}")
