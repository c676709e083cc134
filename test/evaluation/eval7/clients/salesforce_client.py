"""Salesforce REST client with OAuth refresh, used by the CRM sync jobs."""
import logging
import time

import requests

log = logging.getLogger(__name__)


class SalesforceError(Exception):
    def __init__(self, status: int, payload):
        super().__init__(f"salesforce returned {status}: {payload}")
        self.status = status
        self.payload = payload


class SalesforceClient:
    API_VERSION = "v59.0"

    def __init__(self, instance_url: str, client_id: str, client_secret: str, refresh_token: str):
        self.instance_url = instance_url.rstrip("/")
        self.client_id = client_id
        self.client_secret = client_secret
        self.refresh_token = refresh_token
        self.session = requests.Session()
        self._refresh_access_token()

    def _refresh_access_token(self) -> None:
        resp = requests.post(
            f"{self.instance_url}/services/oauth2/token",
            data={
                "grant_type": "refresh_token",
                "client_id": self.client_id,
                "client_secret": self.client_secret,
                "refresh_token": self.refresh_token,
            },
            timeout=30,
        )
        resp.raise_for_status()
        self.session.headers["Authorization"] = f"Bearer {resp.json()['access_token']}"

    def _request(self, method: str, path: str, _refreshed: bool = False, **kwargs):
        url = f"{self.instance_url}/services/data/{self.API_VERSION}{path}"
        resp = self.session.request(method, url, timeout=60, **kwargs)
        if resp.status_code == 401 and not _refreshed:
            self._refresh_access_token()
            return self._request(method, path, _refreshed=True, **kwargs)
        if resp.status_code == 503:
            wait = int(resp.headers.get("Retry-After", "5"))
            log.warning("salesforce unavailable, retrying %s %s in %ss", method, path, wait)
            time.sleep(wait)
            return self._request(method, path, _refreshed=_refreshed, **kwargs)
        if not resp.ok:
            raise SalesforceError(resp.status_code, resp.json())
        return resp.json() if resp.content else None

    def query(self, soql: str) -> list[dict]:
        body = self._request("GET", "/query", params={"q": soql})
        records = body["records"]
        while not body["done"]:
            body = self._request("GET", body["nextRecordsUrl"].split(self.API_VERSION, 1)[1])
            records.extend(body["records"])
        return records

    def describe(self, sobject: str) -> dict:
        return self._request("GET", f"/sobjects/{sobject}/describe")
