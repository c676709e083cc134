"""Prefect flow that backfills exchange rates from the rates provider."""
import logging
from datetime import date, timedelta

import httpx
from prefect import flow, task
from tenacity import (
    before_sleep_log,
    retry,
    retry_if_exception_type,
    stop_after_attempt,
    wait_random_exponential,
)

logger = logging.getLogger("rates")

RATES_URL = "https://rates.fxdata.example/v1/daily"


@retry(
    stop=stop_after_attempt(6),
    wait=wait_random_exponential(multiplier=1, max=60),
    retry=retry_if_exception_type((httpx.ConnectError, httpx.ReadTimeout)),
    before_sleep=before_sleep_log(logger, logging.WARNING),
    reraise=True,
)
def _get_rates(client: httpx.Client, day: date) -> dict:
    resp = client.get(RATES_URL, params={"date": day.isoformat(), "base": "EUR"})
    resp.raise_for_status()
    return resp.json()["rates"]


@task
def fetch_day(day: date) -> dict:
    with httpx.Client(timeout=20.0) as client:
        return _get_rates(client, day)


@task
def store(day: date, rates: dict) -> int:
    from warehouse import upsert_rates

    return upsert_rates(day, rates)


@flow(name="fx-backfill")
def backfill(start: date, end: date) -> None:
    day = start
    while day <= end:
        rates = fetch_day(day)
        store(day, rates)
        day += timedelta(days=1)


if __name__ == "__main__":
    backfill(date(2024, 1, 1), date(2024, 3, 31))
