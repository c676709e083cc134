import logging
from dataclasses import dataclass

import requests

log = logging.getLogger(__name__)

QUOTES_URL = "https://rates.shipper.example.com/v2/quotes"


class Throttled(Exception):
    def __init__(self, retry_after):
        super().__init__(f"throttled, retry after {retry_after}s")
        self.retry_after = retry_after


class BadQuoteRequest(Exception):
    pass


@dataclass
class Quote:
    carrier: str
    service: str
    amount_cents: int
    days: int


def get_quotes(api_key, shipment):
    resp = requests.post(QUOTES_URL, json=shipment, headers={"X-Api-Key": api_key}, timeout=15)
    match resp.status_code:
        case 200 | 201:
            return [Quote(**q) for q in resp.json()["quotes"]]
        case 404:
            return []
        case 429:
            raise Throttled(retry_after=resp.headers.get("Retry-After"))
        case 400 | 422:
            raise BadQuoteRequest(resp.text)
        case _:
            resp.raise_for_status()
            return []


def cheapest(api_key, shipment):
    quotes = get_quotes(api_key, shipment)
    if not quotes:
        return None
    best = min(quotes, key=lambda q: (q.amount_cents, q.days))
    log.info("cheapest quote: %s %s", best.carrier, best.service)
    return best
