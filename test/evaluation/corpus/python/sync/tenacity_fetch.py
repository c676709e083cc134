"""Fetch exchange rates with tenacity, retrying only transient failures."""
import logging
from datetime import date

import httpx
from tenacity import (
    RetryCallState,
    retry,
    retry_if_exception,
    stop_after_attempt,
    wait_random_exponential,
)

log = logging.getLogger(__name__)

RATES_URL = "https://fx.example.com/v1/rates"
_backoff = wait_random_exponential(multiplier=0.5, max=30)


def _is_transient(exc: BaseException) -> bool:
    if isinstance(exc, httpx.TransportError):
        return True
    if isinstance(exc, httpx.HTTPStatusError):
        status = exc.response.status_code
        return status == 429 or status >= 500
    return False


def _wait(retry_state: RetryCallState) -> float:
    """Honour Retry-After when the server sends one, else randomized exponential backoff."""
    exc = retry_state.outcome.exception() if retry_state.outcome else None
    if isinstance(exc, httpx.HTTPStatusError):
        header = exc.response.headers.get("Retry-After")
        if header and header.isdigit():
            return min(float(header), 120.0)
    return _backoff(retry_state)


@retry(retry=retry_if_exception(_is_transient), stop=stop_after_attempt(5), wait=_wait, reraise=True)
def fetch_rates(base: str, on: date) -> dict[str, float]:
    resp = httpx.get(RATES_URL, params={"base": base, "date": on.isoformat()}, timeout=10)
    resp.raise_for_status()
    return resp.json()["rates"]


def convert(amount: float, from_ccy: str, to_ccy: str, on: date) -> float:
    if from_ccy == to_ccy:
        return amount
    rates = fetch_rates(from_ccy, on)
    try:
        return round(amount * rates[to_ccy], 2)
    except KeyError:
        log.error("no %s rate for %s on %s", to_ccy, from_ccy, on)
        raise
