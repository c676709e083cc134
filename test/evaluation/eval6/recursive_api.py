"""Minimal wrapper around the legacy inventory API used by ops scripts."""
import os
import time

import requests

BASE_URL = os.environ.get("INVENTORY_URL", "https://inventory.corp.example.com/api")
session = requests.Session()
session.headers["X-Api-Key"] = os.environ.get("INVENTORY_KEY", "")


def api_request(method, path, **kwargs):
    url = f"{BASE_URL}/{path.lstrip('/')}"
    r = session.request(method, url, timeout=30, **kwargs)
    if r.status_code in (502, 503):
        time.sleep(5)
        return api_request(method, path, **kwargs)
    r.raise_for_status()
    return r.json() if r.content else None


def list_hosts(datacenter):
    return api_request("GET", "/hosts", params={"dc": datacenter})


def get_host(hostname):
    return api_request("GET", f"/hosts/{hostname}")


def decommission(hostname):
    return api_request("DELETE", f"/hosts/{hostname}")


if __name__ == "__main__":
    import sys

    for host in list_hosts(sys.argv[1]):
        print(host["hostname"], host["status"], host.get("rack", "-"))
