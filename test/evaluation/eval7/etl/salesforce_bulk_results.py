"""Download Salesforce Bulk API 2.0 query results into parquet files."""
import io
import logging
import time

import pandas as pd
import requests

log = logging.getLogger(__name__)


class BulkResults:
    def __init__(self, session: requests.Session, instance_url: str, version: str = "v59.0") -> None:
        self.session = session
        self.base = f"{instance_url}/services/data/{version}/jobs/query"

    def _get_with_retry(self, url: str, params: dict | None = None) -> requests.Response:
        while True:
            try:
                r = self.session.get(url, params=params, timeout=120)
                r.raise_for_status()
                return r
            except requests.HTTPError as e:
                if e.response.status_code == 429:
                    pause = int(e.response.headers.get("Retry-After", "30"))
                    log.info("bulk api throttled, sleeping %ss", pause)
                    time.sleep(pause)
                    continue
                raise

    def chunks(self, job_id: str):
        locator = None
        while True:
            params = {"maxRecords": 50000}
            if locator:
                params["locator"] = locator
            resp = self._get_with_retry(f"{self.base}/{job_id}/results", params)
            yield pd.read_csv(io.StringIO(resp.text))
            locator = resp.headers.get("Sforce-Locator")
            if not locator or locator == "null":
                return

    def to_parquet(self, job_id: str, folder: str) -> int:
        total = 0
        for n, frame in enumerate(self.chunks(job_id)):
            frame.to_parquet(f"{folder}/{job_id}-{n:04d}.parquet", index=False)
            total += len(frame)
        return total
