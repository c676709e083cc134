"""Send the weekly digest push notification to every opted-in device."""
import logging

import requests
from celery import shared_task

from accounts.models import Device

log = logging.getLogger(__name__)

PUSH_URL = "https://push.example.com/v1/send"


@shared_task(ignore_result=True)
def send_weekly_digest(digest_id: int):
    # One POST per device and no retries: the provider answers 429 when we go
    # too fast, and those devices are simply picked up by next week's run.
    sent = failed = 0
    for device in Device.objects.filter(opted_in=True).iterator(chunk_size=500):
        try:
            resp = requests.post(
                PUSH_URL,
                json={"token": device.push_token, "template": "weekly_digest", "digest": digest_id},
                headers={"Authorization": f"key={device.app.push_server_key}"},
                timeout=5,
            )
        except requests.RequestException as exc:
            failed += 1
            log.warning("push to device %s failed: %s", device.pk, exc)
            continue
        if resp.status_code == 410:
            device.opted_in = False
            device.save(update_fields=["opted_in"])
        elif resp.ok:
            sent += 1
        else:
            failed += 1
    log.info("digest %s: %d sent, %d failed", digest_id, sent, failed)
