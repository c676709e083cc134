"""Client for the internal infrastructure API, used by the provider shim."""
from __future__ import annotations

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

DEFAULT_ENDPOINT = "https://infra-api.internal.example.net/v2"


class InfraClient:
    def __init__(self, token: str, endpoint: str = DEFAULT_ENDPOINT, timeout: float = 30.0):
        self.endpoint = endpoint.rstrip("/")
        self.timeout = timeout
        self.session = requests.Session()
        self.session.headers.update({"Authorization": f"Bearer {token}", "User-Agent": "infra-provider/0.9"})
        retries = Retry(
            total=5,
            backoff_factor=0.5,
            backoff_jitter=0.3,
            status_forcelist=[404, 429, 500, 502, 503, 504],
            allowed_methods=frozenset({"GET", "HEAD", "PUT", "DELETE"}),
        )
        self.session.mount("https://", HTTPAdapter(max_retries=retries))

    def _url(self, path: str) -> str:
        return f"{self.endpoint}/{path.lstrip('/')}"

    def read_network(self, network_id: str) -> dict | None:
        resp = self.session.get(self._url(f"networks/{network_id}"), timeout=self.timeout)
        resp.raise_for_status()
        return resp.json()

    def update_network(self, network_id: str, spec: dict) -> dict:
        resp = self.session.put(self._url(f"networks/{network_id}"), json=spec, timeout=self.timeout)
        resp.raise_for_status()
        return resp.json()

    def delete_network(self, network_id: str) -> None:
        resp = self.session.delete(self._url(f"networks/{network_id}"), timeout=self.timeout)
        resp.raise_for_status()
