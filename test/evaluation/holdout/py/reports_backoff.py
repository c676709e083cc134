"""Fetches analytics exports; the export API is flaky right after midnight UTC."""
import requests
import backoff

EXPORTS = "https://analytics.example.com/api/exports"


def _not_worth_retrying(exc: requests.HTTPError) -> bool:
    return exc.response is not None and exc.response.status_code not in (403, 429, 500, 502, 503)


@backoff.on_exception(
    backoff.expo,
    requests.HTTPError,
    max_time=300,
    giveup=_not_worth_retrying,
)
def download_export(export_id: str, token: str) -> bytes:
    resp = requests.get(
        f"{EXPORTS}/{export_id}/download",
        headers={"Authorization": f"Bearer {token}"},
        timeout=60,
    )
    resp.raise_for_status()
    return resp.content


def save_export(export_id: str, token: str, path: str) -> int:
    data = download_export(export_id, token)
    with open(path, "wb") as fh:
        fh.write(data)
    return len(data)
