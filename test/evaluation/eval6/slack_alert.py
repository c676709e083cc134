"""Posts alerts from the nightly data-quality checks to Slack."""
import logging
import os
import time

import requests

log = logging.getLogger(__name__)
WEBHOOK = os.environ.get("SLACK_WEBHOOK", "")


def build_payload(check: str, failures: list[str]) -> dict:
    lines = "\n".join(f"• {f}" for f in failures[:20])
    more = f"\n…and {len(failures) - 20} more" if len(failures) > 20 else ""
    return {
        "text": f":rotating_light: {check} failed",
        "blocks": [
            {"type": "header", "text": {"type": "plain_text", "text": f"{check} failed"}},
            {"type": "section", "text": {"type": "mrkdwn", "text": lines + more}},
        ],
    }


def post_alert(check: str, failures: list[str]) -> bool:
    payload = build_payload(check, failures)
    for attempt in range(3):
        try:
            r = requests.post(WEBHOOK, json=payload, timeout=5)
            r.raise_for_status()
            return True
        except Exception as exc:
            log.warning("slack post failed (attempt %d): %s", attempt + 1, exc)
            time.sleep(2)
    return False


if __name__ == "__main__":
    post_alert("orders_not_null", ["orders.customer_id has 14 nulls"])
