"""Shared HTTP helper for the reporting service: tenacity with a Retry-After aware wait."""
import logging

import requests
from tenacity import (
    before_sleep_log,
    retry,
    retry_if_exception,
    stop_after_attempt,
    wait_random_exponential,
)

logger = logging.getLogger(__name__)

_fallback_wait = wait_random_exponential(multiplier=0.5, max=30)


def _is_transient(exc: BaseException) -> bool:
    if isinstance(exc, (requests.ConnectionError, requests.Timeout)):
        return True
    if isinstance(exc, requests.HTTPError) and exc.response is not None:
        return exc.response.status_code == 429 or exc.response.status_code >= 500
    return False


def _wait_retry_after(retry_state) -> float:
    exc = retry_state.outcome.exception()
    response = getattr(exc, "response", None)
    if response is not None:
        header = response.headers.get("Retry-After")
        if header and header.isdigit():
            return min(float(header), 120.0)
    return _fallback_wait(retry_state)


@retry(
    retry=retry_if_exception(_is_transient),
    wait=_wait_retry_after,
    stop=stop_after_attempt(6),
    before_sleep=before_sleep_log(logger, logging.INFO),
    reraise=True,
)
def get_json(session: requests.Session, url: str, **params) -> dict:
    resp = session.get(url, params=params, timeout=30)
    resp.raise_for_status()
    return resp.json()
