import json
import logging
import os
import socket
import time

import backoff
import requests

log = logging.getLogger("metrics")

GATEWAY = os.environ.get("PUSHGATEWAY_URL", "http://pushgateway:9091")
JOB = os.environ.get("METRICS_JOB", "batch")


def _render(samples):
    lines = []
    for name, value, labels in samples:
        label_str = ",".join(f'{k}="{v}"' for k, v in sorted(labels.items()))
        lines.append(f"{name}{{{label_str}}} {value}")
    return "\n".join(lines) + "\n"


@backoff.on_exception(backoff.expo, (requests.exceptions.ConnectionError, requests.exceptions.Timeout))
def push_metrics(samples):
    url = f"{GATEWAY}/metrics/job/{JOB}/instance/{socket.gethostname()}"
    resp = requests.put(url, data=_render(samples), timeout=5)
    if resp.status_code >= 400:
        log.error("pushgateway rejected metrics: %s %s", resp.status_code, resp.text[:200])
    return resp.status_code


def push_run_summary(started_at, processed, failed):
    samples = [
        ("batch_duration_seconds", time.time() - started_at, {"job": JOB}),
        ("batch_processed_total", processed, {"job": JOB}),
        ("batch_failed_total", failed, {"job": JOB}),
    ]
    log.debug("pushing %s", json.dumps(samples))
    return push_metrics(samples)
