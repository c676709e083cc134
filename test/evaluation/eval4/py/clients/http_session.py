"""Shared requests session for read-only calls to internal and partner APIs."""
import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

DEFAULT_TIMEOUT = (3.05, 20)


class TimeoutHTTPAdapter(HTTPAdapter):
    def __init__(self, *args, timeout=DEFAULT_TIMEOUT, **kwargs):
        self.timeout = timeout
        super().__init__(*args, **kwargs)

    def send(self, request, **kwargs):
        kwargs.setdefault("timeout", self.timeout)
        return super().send(request, **kwargs)


def build_session(user_agent: str = "reports-service/2.3") -> requests.Session:
    retry = Retry(
        total=4,
        connect=3,
        read=2,
        backoff_factor=0.8,
        backoff_jitter=0.5,
        backoff_max=30,
        status_forcelist=(429, 500, 502, 503, 504),
        allowed_methods=frozenset({"GET", "HEAD", "OPTIONS"}),
        respect_retry_after_header=True,
        raise_on_status=False,
    )
    adapter = TimeoutHTTPAdapter(max_retries=retry)
    session = requests.Session()
    session.mount("https://", adapter)
    session.mount("http://", adapter)
    session.headers["User-Agent"] = user_agent
    return session


session = build_session()


def get_report(report_id: str) -> dict:
    resp = session.get(f"https://reports.internal.example/api/reports/{report_id}")
    resp.raise_for_status()
    return resp.json()
