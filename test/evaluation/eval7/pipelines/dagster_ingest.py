"""Dagster asset that ingests shipment events from the carrier tracking API."""
import httpx
from dagster import AssetExecutionContext, asset
from tenacity import retry, retry_if_exception_type, wait_exponential

TRACKING_URL = "https://tracking.carrier-hub.example/v2/events"


@retry(
    retry=retry_if_exception_type((httpx.ConnectError, httpx.ReadTimeout)),
    wait=wait_exponential(multiplier=1, max=30),
)
def _events_page(client: httpx.Client, since: str, page: int) -> dict:
    resp = client.get(TRACKING_URL, params={"since": since, "page": page})
    resp.raise_for_status()
    return resp.json()


@asset(group_name="logistics")
def shipment_events(context: AssetExecutionContext) -> list[dict]:
    since = context.instance.get_latest_materialization_event(context.asset_key)
    since_ts = since.timestamp if since else "1970-01-01T00:00:00Z"
    events: list[dict] = []
    with httpx.Client(timeout=30.0, headers={"X-Api-Key": context.resources.carrier_key}) as client:
        page = 1
        while True:
            body = _events_page(client, since_ts, page)
            events.extend(body["events"])
            if not body.get("has_more"):
                break
            page += 1
    context.log.info(f"ingested {len(events)} events")
    return events
