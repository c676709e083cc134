import backoff
import requests

API = "https://api.quotes-feed.example/v1"


def _retry_after(response: requests.Response) -> float:
    return float(response.headers.get("Retry-After", "1"))


@backoff.on_predicate(
    backoff.runtime,
    predicate=lambda r: r.status_code == 429,
    value=_retry_after,
    jitter=None,
    max_tries=5,
)
def _get(session: requests.Session, path: str, **params) -> requests.Response:
    return session.get(f"{API}{path}", params=params, timeout=10)


def latest_quote(session: requests.Session, symbol: str) -> dict:
    resp = _get(session, f"/quotes/{symbol}/latest")
    resp.raise_for_status()
    return resp.json()


def portfolio_value(session: requests.Session, holdings: dict[str, float]) -> float:
    total = 0.0
    for symbol, qty in holdings.items():
        total += latest_quote(session, symbol)["price"] * qty
    return total


if __name__ == "__main__":
    with requests.Session() as s:
        s.headers["X-Api-Key"] = "demo"
        print(portfolio_value(s, {"ACME": 10, "GLOBEX": 2.5}))
