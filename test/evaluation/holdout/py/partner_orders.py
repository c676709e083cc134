"""Maps partner-API failures onto our order states."""
import logging

import requests

log = logging.getLogger(__name__)
PARTNER = "https://partner.example.net/api/v3"


class OrderRejected(Exception):
    pass


def submit_status(order_id: str, token: str) -> str:
    resp = requests.get(
        f"{PARTNER}/orders/{order_id}/status",
        headers={"Authorization": f"Bearer {token}"},
        timeout=15,
    )
    match resp.status_code:
        case 200:
            return resp.json()["state"]
        case 400:
            raise OrderRejected(resp.json().get("message", "bad request"))
        case 401 | 403:
            log.error("partner token rejected, rotate PARTNER_TOKEN")
            raise PermissionError("partner credentials")
        case 404:
            return "unknown"
        case _:
            raise RuntimeError(f"partner answered {resp.status_code}")


def states_for(order_ids: list[str], token: str) -> dict[str, str]:
    out = {}
    for oid in order_ids:
        try:
            out[oid] = submit_status(oid, token)
        except OrderRejected as exc:
            out[oid] = f"rejected: {exc}"
    return out
