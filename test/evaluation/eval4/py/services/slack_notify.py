import logging
import os
import time

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

log = logging.getLogger(__name__)

client = WebClient(token=os.environ["SLACK_BOT_TOKEN"])
ALERT_CHANNEL = os.environ.get("SLACK_ALERT_CHANNEL", "#ops-alerts")


def post_alert(text: str, attempts: int = 3) -> str | None:
    """Post to the alert channel; only Slack's own rate limiting is waited out."""
    for _ in range(attempts):
        try:
            response = client.chat_postMessage(channel=ALERT_CHANNEL, text=text)
            return response["ts"]
        except SlackApiError as e:
            if e.response.status_code == 429:
                wait = int(e.response.headers.get("Retry-After", "1"))
                log.info("slack rate limited, waiting %ss", wait)
                time.sleep(wait)
                continue
            log.error("slack rejected the alert: %s", e.response["error"])
            return None
    return None


def alert_deploy(service: str, version: str, author: str):
    post_alert(f":rocket: {service} {version} deployed by {author}")
