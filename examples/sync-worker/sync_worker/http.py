import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

BASE_URL = "https://crm.example.com/api"


def make_session(api_key: str) -> requests.Session:
    """A session that retries 429 and 5xx for idempotent methods, honouring Retry-After."""
    retries = Retry(total=4, status_forcelist=[429, 500, 502, 503, 504], backoff_factor=0.5)
    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {api_key}"
    session.mount("https://", HTTPAdapter(max_retries=retries))
    return session
