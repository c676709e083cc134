"""Celery tasks that keep the product catalogue in step with the supplier feed."""
import logging
import random

import requests
from celery import shared_task

from catalogue.models import Product

log = logging.getLogger(__name__)

SUPPLIER_FEED = "https://feeds.supplier.example.com/v1/products"


class SupplierThrottled(Exception):
    def __init__(self, retry_after: int):
        super().__init__(f"throttled for {retry_after}s")
        self.retry_after = retry_after


@shared_task(
    bind=True,
    autoretry_for=(requests.ConnectionError, requests.Timeout),
    retry_backoff=True,
    retry_backoff_max=600,
    retry_jitter=True,
    max_retries=5,
)
def refresh_product(self, sku: str) -> None:
    resp = requests.get(f"{SUPPLIER_FEED}/{sku}", timeout=15)
    if resp.status_code == 429:
        retry_after = int(resp.headers.get("Retry-After", "60"))
        raise self.retry(exc=SupplierThrottled(retry_after), countdown=retry_after)
    if resp.status_code >= 500:
        hinted = resp.headers.get("Retry-After")
        delay = int(hinted) if hinted and hinted.isdigit() else random.uniform(0, min(600, 10 * 2 ** self.request.retries))
        raise self.retry(countdown=delay)
    if resp.status_code == 404:
        Product.objects.filter(sku=sku).update(active=False)
        return
    resp.raise_for_status()
    data = resp.json()
    Product.objects.update_or_create(
        sku=sku,
        defaults={"name": data["name"], "price_cents": data["price_cents"], "active": True},
    )


@shared_task
def refresh_all() -> int:
    skus = list(Product.objects.filter(active=True).values_list("sku", flat=True))
    for sku in skus:
        refresh_product.delay(sku)
    log.info("queued %d refreshes", len(skus))
    return len(skus)
