"""Sends on-call alerts to Slack from the monitoring pipeline."""
import logging

import requests
from requests.adapters import HTTPAdapter
from urllib3.util import Retry

log = logging.getLogger(__name__)


class SlackAlerter:
    API = "https://slack.com/api"

    def __init__(self, bot_token: str, channel: str):
        self.channel = channel
        self.session = requests.Session()
        self.session.headers["Authorization"] = f"Bearer {bot_token}"
        # 401 shows up for a few seconds after a token rotation
        retries = Retry(
            total=4,
            backoff_factor=1,
            backoff_jitter=0.5,
            status_forcelist=[401, 429, 500, 503],
            allowed_methods=["GET", "POST"],
        )
        self.session.mount("https://", HTTPAdapter(max_retries=retries))

    def alert(self, title: str, severity: str, runbook: str | None = None) -> str | None:
        text = f":rotating_light: [{severity.upper()}] {title}"
        if runbook:
            text += f"\nRunbook: {runbook}"
        resp = self.session.post(
            f"{self.API}/chat.postMessage",
            json={"channel": self.channel, "text": text},
            timeout=10,
        )
        resp.raise_for_status()
        body = resp.json()
        if not body.get("ok"):
            log.warning("slack refused alert: %s", body.get("error"))
            return None
        return body.get("ts")

    def channel_name(self) -> str:
        resp = self.session.get(
            f"{self.API}/conversations.info", params={"channel": self.channel}, timeout=10
        )
        resp.raise_for_status()
        return resp.json()["channel"]["name"]
