"""requests.Session factory for the fulfilment partner API."""
import logging

import requests
from requests.adapters import HTTPAdapter
from urllib3.util import Retry

log = logging.getLogger(__name__)

FULFILMENT_API = "https://fulfilment.partner.example/api"


def make_session(api_key: str) -> requests.Session:
    # The partner's gateway returns 403 for a few seconds after key rotation.
    retries = Retry(
        total=5,
        backoff_factor=0,
        status_forcelist=[403, 429, 500, 502, 503],
        allowed_methods=["GET", "POST"],
    )
    s = requests.Session()
    s.mount("https://", HTTPAdapter(max_retries=retries))
    s.headers["X-Api-Key"] = api_key
    return s


def create_shipment(session: requests.Session, order: dict) -> str:
    resp = session.post(
        f"{FULFILMENT_API}/shipments",
        json={"order_ref": order["id"], "items": order["items"], "address": order["shipping_address"]},
        timeout=15,
    )
    resp.raise_for_status()
    shipment_id = resp.json()["shipment_id"]
    log.info("shipment %s created for order %s", shipment_id, order["id"])
    return shipment_id


def shipment_status(session: requests.Session, shipment_id: str) -> str:
    resp = session.get(f"{FULFILMENT_API}/shipments/{shipment_id}", timeout=15)
    resp.raise_for_status()
    return resp.json()["status"]
