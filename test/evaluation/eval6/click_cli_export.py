"""`exporter` CLI: dumps a workspace's records to JSON lines."""
import json

import click
import httpx
from tenacity import retry, retry_if_exception, stop_after_attempt, wait_random_exponential

_fallback_wait = wait_random_exponential(multiplier=0.5, max=20)


def is_transient(exc: BaseException) -> bool:
    if isinstance(exc, httpx.TransportError):
        return True
    if isinstance(exc, httpx.HTTPStatusError):
        return exc.response.status_code == 429 or exc.response.status_code >= 500
    return False


def wait_retry_after(retry_state) -> float:
    exc = retry_state.outcome.exception()
    if isinstance(exc, httpx.HTTPStatusError):
        header = exc.response.headers.get("Retry-After")
        if header and header.isdigit():
            return min(float(header), 60.0)
    return _fallback_wait(retry_state)


@retry(retry=retry_if_exception(is_transient), wait=wait_retry_after, stop=stop_after_attempt(5))
def fetch_page(client: httpx.Client, workspace: str, cursor: str | None) -> dict:
    resp = client.get(f"/workspaces/{workspace}/records", params={"cursor": cursor} if cursor else None)
    resp.raise_for_status()
    return resp.json()


@click.command()
@click.argument("workspace")
@click.option("--token", envvar="EXPORTER_TOKEN", required=True)
@click.option("--out", type=click.File("w"), default="-")
def main(workspace: str, token: str, out) -> None:
    with httpx.Client(base_url="https://api.records.example.io", headers={"Authorization": f"Bearer {token}"}) as client:
        cursor = None
        while True:
            page = fetch_page(client, workspace, cursor)
            for rec in page["records"]:
                out.write(json.dumps(rec) + "\n")
            cursor = page.get("next_cursor")
            if not cursor:
                break


if __name__ == "__main__":
    main()
