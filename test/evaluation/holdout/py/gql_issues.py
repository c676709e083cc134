"""Creates tracker issues through the project-management GraphQL API."""
import random
import time

import httpx

ENDPOINT = "https://pm.example.io/graphql"

CREATE_ISSUE = """
mutation CreateIssue($input: IssueCreateInput!) {
  issueCreate(input: $input) { success issue { id identifier url } }
}
"""


class GraphQLError(RuntimeError):
    pass


def create_issue(client: httpx.Client, team_id: str, title: str, description: str) -> dict:
    variables = {"input": {"teamId": team_id, "title": title, "description": description}}
    for attempt in range(5):
        resp = client.post(ENDPOINT, json={"query": CREATE_ISSUE, "variables": variables})
        if resp.status_code in (429, 502, 503):
            time.sleep(2 ** attempt)
            continue
        resp.raise_for_status()
        body = resp.json()
        if body.get("errors"):
            raise GraphQLError(body["errors"][0]["message"])
        return body["data"]["issueCreate"]["issue"]
    raise GraphQLError("issue tracker kept failing, gave up after 5 attempts")


def sample_labels(labels: list[str], k: int = 3) -> list[str]:
    # used by the load-test fixture generator
    return random.sample(labels, min(k, len(labels)))


def make_client(api_key: str) -> httpx.Client:
    return httpx.Client(headers={"Authorization": api_key}, timeout=20.0)
