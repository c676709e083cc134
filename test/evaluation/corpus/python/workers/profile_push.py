"""Push profile changes to the marketing platform (PUT is idempotent there)."""
import logging

import httpx
from tenacity import retry, retry_if_exception, stop_after_attempt, wait_exponential

from workers.settings import MARKETING_API, MARKETING_TOKEN

log = logging.getLogger(__name__)

_client = httpx.Client(
    base_url=MARKETING_API,
    headers={"Authorization": f"Bearer {MARKETING_TOKEN}"},
    timeout=10,
)


def _should_retry(exc: BaseException) -> bool:
    if isinstance(exc, httpx.TransportError):
        return True
    if isinstance(exc, httpx.HTTPStatusError):
        # 404 shows up while a new profile is still propagating between regions
        return exc.response.status_code in (404, 429, 502, 503)
    return False


@retry(
    retry=retry_if_exception(_should_retry),
    stop=stop_after_attempt(4),
    wait=wait_exponential(multiplier=1, min=1, max=20),
    reraise=True,
)
def push_profile(user_id: str, attributes: dict) -> None:
    resp = _client.put(f"/profiles/{user_id}", json={"attributes": attributes})
    resp.raise_for_status()
    log.debug("profile %s pushed (%d attributes)", user_id, len(attributes))


def push_many(changes: dict[str, dict]) -> list[str]:
    failed = []
    for user_id, attributes in changes.items():
        try:
            push_profile(user_id, attributes)
        except httpx.HTTPError:
            log.exception("could not push profile %s", user_id)
            failed.append(user_id)
    return failed
