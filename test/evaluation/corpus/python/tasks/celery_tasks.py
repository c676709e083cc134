import logging
import random

import requests
from celery import shared_task
from django.db import transaction

from .models import Shipment

logger = logging.getLogger(__name__)

TRACKING_URL = "https://tracking.carrier.example/v2/shipments/{}"
MAX_TASK_RETRIES = 5


@shared_task(bind=True, max_retries=MAX_TASK_RETRIES, acks_late=True)
def refresh_tracking(self, shipment_id: int) -> str:
    shipment = Shipment.objects.get(pk=shipment_id)
    try:
        resp = requests.get(TRACKING_URL.format(shipment.tracking_number), timeout=10)
    except (requests.ConnectionError, requests.Timeout) as exc:
        countdown = min(300, 2 ** self.request.retries * 10) * random.uniform(0.5, 1.0)
        logger.warning("carrier unreachable for %s, retry in %.0fs", shipment_id, countdown)
        raise self.retry(exc=exc, countdown=countdown)

    if resp.status_code == 404:
        logger.info("carrier does not know %s yet", shipment.tracking_number)
        return "unknown"
    resp.raise_for_status()

    events = resp.json()["events"]
    with transaction.atomic():
        shipment.status = events[-1]["code"] if events else shipment.status
        shipment.last_checked_at = events[-1]["at"] if events else None
        shipment.save(update_fields=["status", "last_checked_at"])
    return shipment.status


@shared_task
def refresh_open_shipments(batch_size: int = 200) -> int:
    ids = list(
        Shipment.objects.filter(status__in=["created", "in_transit"]).values_list("pk", flat=True)[:batch_size]
    )
    for pk in ids:
        refresh_tracking.delay(pk)
    return len(ids)
