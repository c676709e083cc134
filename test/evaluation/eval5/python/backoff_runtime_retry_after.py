"""Read client for the Casework API that waits exactly as long as the server asks when throttled."""
import backoff
import requests

SESSION = requests.Session()
SESSION.headers.update({"Authorization": "Bearer ..."})
MAX_WAIT_SECONDS = 60


def _retry_after_seconds(resp: requests.Response) -> float:
    value = resp.headers.get("Retry-After", "1")
    try:
        return min(float(value), MAX_WAIT_SECONDS)
    except ValueError:
        return 1.0


def _throttled(resp: requests.Response) -> bool:
    return resp.status_code == 429


@backoff.on_predicate(
    backoff.runtime,
    predicate=_throttled,
    value=_retry_after_seconds,
    jitter=None,
    max_tries=5,
)
def _get(url: str, **params) -> requests.Response:
    return SESSION.get(url, params=params, timeout=10)


def get_case(case_id: str) -> dict:
    resp = _get(f"https://api.casework.example/v1/cases/{case_id}")
    resp.raise_for_status()
    return resp.json()


def search_cases(query: str, page: int = 1) -> list[dict]:
    resp = _get("https://api.casework.example/v1/cases", q=query, page=page)
    resp.raise_for_status()
    return resp.json()["results"]
