"""Celery task that reports metered usage to the billing provider."""
import backoff
import requests
from celery import shared_task
from django.conf import settings

from metering.models import UsageRecord


@backoff.on_exception(backoff.expo, Exception, max_tries=None)
def push_usage(record: UsageRecord) -> dict:
    resp = requests.post(
        f"{settings.BILLING_URL}/v1/usage_records",
        json={
            "subscription_item": record.subscription_item_id,
            "quantity": record.quantity,
            "timestamp": int(record.period_end.timestamp()),
        },
        auth=(settings.BILLING_KEY, ""),
        timeout=20,
    )
    resp.raise_for_status()
    return resp.json()


@shared_task
def report_usage(record_id: int) -> None:
    record = UsageRecord.objects.get(pk=record_id)
    if record.reported_at:
        return
    result = push_usage(record)
    record.provider_id = result["id"]
    record.mark_reported()
