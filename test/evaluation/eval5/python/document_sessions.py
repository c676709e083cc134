"""HTTP sessions for the document store and the status feed."""
import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

DOCS = "https://api.calmintake.com/v1/documents"
STATUS = "https://status.calmintake.com/api/v2/summary.json"


def documents_session(api_key: str) -> requests.Session:
    retry = Retry(
        total=4,
        backoff_factor=0.5,
        backoff_jitter=0.25,
        status_forcelist=[403, 429, 500, 502, 503],
        allowed_methods=["GET", "HEAD"],
    )
    session = requests.Session()
    session.headers["X-Api-Key"] = api_key
    session.mount("https://", HTTPAdapter(max_retries=retry))
    return session


def status_session() -> requests.Session:
    session = requests.Session()
    session.mount("https://", HTTPAdapter(max_retries=Retry(total=3, status_forcelist=[502, 503, 504])))
    return session


def download(session: requests.Session, doc_id: str) -> bytes:
    resp = session.get(f"{DOCS}/{doc_id}/content", timeout=30)
    resp.raise_for_status()
    return resp.content


def service_status() -> str:
    resp = status_session().get(STATUS, timeout=5)
    resp.raise_for_status()
    return resp.json()["status"]["description"]
