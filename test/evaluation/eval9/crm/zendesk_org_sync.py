import logging

import requests

log = logging.getLogger(__name__)


class OrgSync:
    def __init__(self, subdomain, token):
        self.base = f"https://{subdomain}.zendesk.com/api/v2"
        self.session = requests.Session()
        self.session.headers["Authorization"] = f"Bearer {token}"

    def upsert_org(self, org):
        url = f"{self.base}/organizations/{org['zendesk_id']}.json"
        try:
            resp = self.session.put(url, json={"organization": org}, timeout=20)
            resp.raise_for_status()
            return resp.json()["organization"]
        except requests.HTTPError as exc:
            status = exc.response.status_code
            if status == 404:
                log.info("org %s missing, creating", org["zendesk_id"])
                return self.create_org(org)
            elif status == 409:
                log.info("org %s changed concurrently, skipping", org["zendesk_id"])
                return None
            elif status >= 500:
                log.warning("zendesk outage while syncing %s", org["zendesk_id"])
                return None
            raise

    def create_org(self, org):
        resp = self.session.post(f"{self.base}/organizations.json", json={"organization": org}, timeout=20)
        resp.raise_for_status()
        return resp.json()["organization"]
