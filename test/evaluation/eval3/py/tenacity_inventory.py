import httpx
from tenacity import (
    retry,
    retry_if_exception,
    stop_after_attempt,
    wait_random_exponential,
)

_backoff = wait_random_exponential(multiplier=0.5, max=20)


def is_transient(exc: BaseException) -> bool:
    if isinstance(exc, httpx.TransportError):
        return True
    if isinstance(exc, httpx.HTTPStatusError):
        return exc.response.status_code in (429, 500, 502, 503, 504)
    return False


def wait_for_server(retry_state) -> float:
    exc = retry_state.outcome.exception()
    response = getattr(exc, "response", None)
    header = response.headers.get("Retry-After") if response is not None else None
    if header and header.isdigit():
        return min(float(header), 60.0)
    return _backoff(retry_state)


@retry(
    retry=retry_if_exception(is_transient),
    stop=stop_after_attempt(4),
    wait=wait_for_server,
    reraise=True,
)
def stock_levels(client: httpx.Client, sku: str) -> dict:
    resp = client.get(f"/skus/{sku}/stock")
    resp.raise_for_status()
    return resp.json()


def low_stock(client: httpx.Client, skus: list[str], threshold: int = 5) -> list[str]:
    return [sku for sku in skus if stock_levels(client, sku)["available"] < threshold]
