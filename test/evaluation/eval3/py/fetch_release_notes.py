#!/usr/bin/env python3
"""Print the release notes of a package version from the internal registry."""
import json
import os
import sys
import urllib.error
import urllib.request

REGISTRY = os.environ.get("REGISTRY_URL", "https://registry.internal.example/api")


def get_release(package: str, version: str) -> dict | None:
    req = urllib.request.Request(
        f"{REGISTRY}/packages/{package}/releases/{version}",
        headers={
            "Authorization": f"Token {os.environ['REGISTRY_TOKEN']}",
            "Accept": "application/json",
        },
    )
    try:
        with urllib.request.urlopen(req, timeout=15) as resp:
            return json.load(resp)
    except urllib.error.HTTPError as e:
        if e.status == 404:
            return None
        elif e.status == 401:
            sys.exit("registry token rejected; run `registry login` again")
        else:
            raise


def main() -> int:
    if len(sys.argv) != 3:
        print("usage: fetch_release_notes.py PACKAGE VERSION", file=sys.stderr)
        return 2
    release = get_release(sys.argv[1], sys.argv[2])
    if release is None:
        print(f"{sys.argv[1]} {sys.argv[2]} not found", file=sys.stderr)
        return 1
    print(release.get("notes") or "(no release notes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
