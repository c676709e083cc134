#!/usr/bin/env python3
"""Probe the public status endpoints and print one line per service."""
import json
import sys
import urllib.request
from urllib.error import HTTPError

SERVICES = {
    "api": "https://api.example.com/healthz",
    "auth": "https://auth.example.com/healthz",
    "files": "https://files.example.com/healthz",
}


def probe(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as resp:
            body = json.load(resp)
            return resp.status, body.get("status", "unknown")
    except HTTPError as e:
        return e.code, e.reason


def main() -> int:
    worst = 0
    for name, url in SERVICES.items():
        code, detail = probe(url)
        print(f"{name:8} {code} {detail}")
        worst = max(worst, code)
    return 0 if worst < 400 else 1


if __name__ == "__main__":
    sys.exit(main())
