"""Case lookups for the reviewer UI."""
import requests
import caseforge
from caseforge.exceptions import AuthenticationError, NotFoundError, RateLimitError

# The reviewer UI shows failures immediately instead of letting the SDK retry.
forge = caseforge.Client(max_retries=0)


class NeedsLogin(Exception):
    pass


def matter_title(matter_id: str, api_key: str) -> str | None:
    resp = requests.get(
        f"https://api.calmintake.com/v1/matters/{matter_id}",
        headers={"X-Api-Key": api_key},
        timeout=10,
    )
    try:
        resp.raise_for_status()
    except requests.HTTPError as exc:
        if exc.response.status_code == 401:
            raise NeedsLogin() from exc
        elif exc.response.status_code == 404:
            return None
        elif exc.response.status_code == 422:
            raise ValueError(resp.json()["error"]["message"]) from exc
        raise
    return resp.json()["title"]


def case_priority(case_id: str) -> str | None:
    try:
        case = forge.cases.get(case_id)
    except AuthenticationError as exc:
        raise NeedsLogin() from exc
    except NotFoundError:
        return None
    except RateLimitError as exc:
        raise RuntimeError(f"try again in {exc.retry_after}s") from exc
    return case.priority
