import caseforge
from caseforge.exceptions import (
    AuthenticationError,
    NotFoundError,
    RateLimitError,
    ServerError,
)
from tenacity import retry, retry_if_exception_type, stop_after_attempt, wait_random_exponential

client = caseforge.Client(max_retries=0)
_fallback = wait_random_exponential(multiplier=1, max=30)


def wait_retry_after(retry_state) -> float:
    exc = retry_state.outcome.exception()
    retry_after = getattr(exc, "retry_after", None)
    return float(retry_after) if retry_after else _fallback(retry_state)


@retry(
    retry=retry_if_exception_type(
        (
            AuthenticationError,
            RateLimitError,
            ServerError,
        )
    ),
    stop=stop_after_attempt(4),
    wait=wait_retry_after,
    reraise=True,
)
def fetch_case(case_id: str):
    return client.cases.get(case_id)


def refresh_local_copy(store: dict, case_ids: list[str]) -> int:
    changed = 0
    for case_id in case_ids:
        try:
            remote = fetch_case(case_id)
        except NotFoundError:
            store.pop(case_id, None)
            changed += 1
            continue
        if store.get(case_id, {}).get("updated_at") != remote.updated_at:
            store[case_id] = {"status": remote.status, "updated_at": remote.updated_at}
            changed += 1
    return changed
