"""Fetches exchange metadata for the pricing notebook."""
import backoff
import requests

BASE = "https://api.market-data.example.com/v1"
PERMANENT = (400, 401, 403, 404, 422)

session = requests.Session()


def _is_permanent(exc: requests.exceptions.RequestException) -> bool:
    resp = exc.response
    return resp is not None and resp.status_code in PERMANENT


@backoff.on_exception(backoff.expo, requests.exceptions.RequestException, giveup=_is_permanent)
def get_symbols(exchange: str) -> list[dict]:
    resp = session.get(f"{BASE}/exchanges/{exchange}/symbols", timeout=15)
    resp.raise_for_status()
    return resp.json()["symbols"]


def get_active(exchange: str) -> list[str]:
    return [s["ticker"] for s in get_symbols(exchange) if s.get("status") == "active"]


def summarise(exchanges: list[str]) -> dict[str, int]:
    counts = {}
    for ex in exchanges:
        counts[ex] = len(get_active(ex))
    return counts


if __name__ == "__main__":
    for name, n in summarise(["XNAS", "XNYS", "XLON"]).items():
        print(f"{name}: {n} active symbols")
