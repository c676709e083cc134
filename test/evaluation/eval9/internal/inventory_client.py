"""Read-only client for the inventory service."""
import logging

import backoff
import requests

log = logging.getLogger(__name__)

INVENTORY_URL = "http://inventory.svc.cluster.local:8080"


@backoff.on_exception(backoff.expo, requests.exceptions.RequestException, max_tries=None)
def get_stock(sku: str) -> int:
    resp = requests.get(f"{INVENTORY_URL}/v1/stock/{sku}", timeout=3)
    resp.raise_for_status()
    return int(resp.json()["available"])


def stock_levels(skus):
    levels = {}
    for sku in skus:
        levels[sku] = get_stock(sku)
    return levels


def is_in_stock(sku, wanted=1):
    try:
        return get_stock(sku) >= wanted
    except ValueError:
        log.error("inventory returned garbage for %s", sku)
        return False


def low_stock_report(skus, threshold=5):
    report = []
    for sku, level in stock_levels(skus).items():
        if level < threshold:
            report.append(f"{sku}: {level}")
    return "\n".join(report)
