"""Dagster asset: HubSpot deals, pulled with a tenacity Retrying object."""
import httpx
from dagster import asset
from tenacity import Retrying, retry_if_exception_type, stop_after_attempt, wait_random_exponential

DEALS = "https://api.hubapi.com/crm/v3/objects/deals"


def _retryer() -> Retrying:
    return Retrying(
        stop=stop_after_attempt(5),
        wait=wait_random_exponential(multiplier=0.5, max=30),
        retry=retry_if_exception_type((httpx.ConnectError, httpx.ReadTimeout, httpx.RemoteProtocolError)),
        reraise=True,
    )


def _page(client: httpx.Client, after: str | None) -> dict:
    params = {"limit": 100, "properties": "dealname,amount,dealstage,closedate"}
    if after:
        params["after"] = after
    for attempt in _retryer():
        with attempt:
            resp = client.get(DEALS, params=params)
            resp.raise_for_status()
            return resp.json()
    raise AssertionError("unreachable")


@asset(required_resource_keys={"hubspot_token"})
def hubspot_deals(context) -> list[dict]:
    headers = {"Authorization": f"Bearer {context.resources.hubspot_token}"}
    deals: list[dict] = []
    with httpx.Client(headers=headers, timeout=30.0) as client:
        after = None
        while True:
            body = _page(client, after)
            deals.extend(r["properties"] | {"id": r["id"]} for r in body["results"])
            after = body.get("paging", {}).get("next", {}).get("after")
            if not after:
                break
    context.log.info(f"{len(deals)} deals")
    return deals
