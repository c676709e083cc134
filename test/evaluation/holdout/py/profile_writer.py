"""Writes enriched profiles back to the identity service."""
import httpx
from tenacity import Retrying, retry_if_exception, stop_after_attempt, wait_random_exponential


def _should_retry(exc: BaseException) -> bool:
    if isinstance(exc, httpx.TransportError):
        return True
    # 409: optimistic-lock conflict with the nightly merge job, usually gone on the next try
    return isinstance(exc, httpx.HTTPStatusError) and exc.response.status_code in (409, 429, 503)


class ProfileWriter:
    def __init__(self, base_url: str, token: str):
        self.http = httpx.Client(
            base_url=base_url,
            headers={"Authorization": f"Bearer {token}"},
            timeout=10.0,
        )

    def put_profile(self, user_id: str, profile: dict) -> None:
        retrying = Retrying(
            retry=retry_if_exception(_should_retry),
            stop=stop_after_attempt(5),
            wait=wait_random_exponential(multiplier=0.5, max=30),
            reraise=True,
        )
        for attempt in retrying:
            with attempt:
                resp = self.http.put(f"/v1/profiles/{user_id}", json=profile)
                resp.raise_for_status()

    def close(self) -> None:
        self.http.close()
