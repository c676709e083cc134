"""Push paid orders from the shop database to the fulfilment partner."""
import logging

import requests
from celery import shared_task
from tenacity import retry

from shop.models import Order

log = logging.getLogger(__name__)

FULFILMENT_URL = "https://fulfilment.partner.example/api/v1/shipments"


@retry
def create_shipment(order):
    resp = requests.post(
        FULFILMENT_URL,
        json={
            "reference": order.number,
            "address": order.shipping_address_as_dict(),
            "lines": [{"sku": l.sku, "qty": l.quantity} for l in order.lines.all()],
        },
        headers={"Authorization": f"Token {order.shop.fulfilment_token}"},
        timeout=20,
    )
    resp.raise_for_status()
    return resp.json()["shipment_id"]


@shared_task
def push_paid_orders():
    pushed = 0
    for order in Order.objects.filter(status="paid", shipment_id__isnull=True):
        shipment_id = create_shipment(order)
        order.shipment_id = shipment_id
        order.status = "fulfilling"
        order.save(update_fields=["shipment_id", "status"])
        pushed += 1
    log.info("pushed %d orders to fulfilment", pushed)
    return pushed
