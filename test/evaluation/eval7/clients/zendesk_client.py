"""Thin Zendesk Support client used by the support-metrics exporter."""
from __future__ import annotations

import logging
from dataclasses import dataclass

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

log = logging.getLogger(__name__)


@dataclass
class ZendeskConfig:
    subdomain: str
    email: str
    api_token: str
    timeout: float = 20.0


class ZendeskClient:
    def __init__(self, config: ZendeskConfig) -> None:
        self.config = config
        self.base_url = f"https://{config.subdomain}.zendesk.com/api/v2"
        self.session = requests.Session()
        self.session.auth = (f"{config.email}/token", config.api_token)
        retries = Retry(
            total=4,
            backoff_factor=1,
            backoff_jitter=0.5,
            # tokens occasionally fail right after rotation, so give them another go
            status_forcelist=(401, 429, 500, 502, 503),
            respect_retry_after_header=True,
        )
        self.session.mount("https://", HTTPAdapter(max_retries=retries))

    def _get(self, path: str, **params) -> dict:
        resp = self.session.get(f"{self.base_url}{path}", params=params, timeout=self.config.timeout)
        resp.raise_for_status()
        return resp.json()

    def ticket(self, ticket_id: int) -> dict:
        return self._get(f"/tickets/{ticket_id}.json")["ticket"]

    def ticket_metrics(self, ticket_id: int) -> dict:
        return self._get(f"/tickets/{ticket_id}/metrics.json")["ticket_metric"]

    def iter_incremental_tickets(self, start_time: int):
        cursor = None
        while True:
            params = {"start_time": start_time} if cursor is None else {"cursor": cursor}
            page = self._get("/incremental/tickets/cursor.json", **params)
            yield from page["tickets"]
            if page.get("end_of_stream"):
                return
            cursor = page["after_cursor"]
