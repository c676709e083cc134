import time

import requests
from airflow.models import BaseOperator
from airflow.utils.context import Context


class AnalyticsExportOperator(BaseOperator):
    """Downloads a finished analytics export and writes it to the data lake."""

    template_fields = ("export_id", "target_path")

    def __init__(self, export_id: str, target_path: str, conn_token: str, **kwargs):
        super().__init__(**kwargs)
        self.export_id = export_id
        self.target_path = target_path
        self.conn_token = conn_token

    def _download(self) -> bytes:
        url = f"https://api.metricsly.example/v2/exports/{self.export_id}/file"
        headers = {"Authorization": f"Bearer {self.conn_token}"}
        while True:
            try:
                resp = requests.get(url, headers=headers, timeout=60)
                resp.raise_for_status()
                return resp.content
            except requests.HTTPError as exc:
                status = exc.response.status_code
                if status in (429, 503):
                    wait = float(exc.response.headers.get("Retry-After", "30"))
                    self.log.info("export %s not ready (%s), waiting %ss", self.export_id, status, wait)
                    time.sleep(wait)
                    continue
                raise

    def execute(self, context: Context) -> str:
        data = self._download()
        with open(self.target_path, "wb") as fh:
            fh.write(data)
        self.log.info("wrote %d bytes to %s", len(data), self.target_path)
        return self.target_path
