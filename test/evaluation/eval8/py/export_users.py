#!/usr/bin/env python3
"""Export one user's record from the admin API as JSON (ops helper)."""
import argparse
import json
import os
import sys

import requests

ADMIN_API = os.environ.get("ADMIN_API", "https://admin.example.com/api")


def get_user(session, user_id):
    resp = session.get(f"{ADMIN_API}/users/{user_id}", timeout=10)
    if resp.status_code == 404:
        return None
    resp.raise_for_status()
    return resp.json()


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("user_ids", nargs="+")
    parser.add_argument("--pretty", action="store_true")
    args = parser.parse_args(argv)

    session = requests.Session()
    session.headers["Authorization"] = f"Token {os.environ['ADMIN_TOKEN']}"

    missing = []
    users = []
    for user_id in args.user_ids:
        user = get_user(session, user_id)
        if user is None:
            missing.append(user_id)
        else:
            users.append(user)

    json.dump(users, sys.stdout, indent=2 if args.pretty else None)
    if missing:
        print(f"\nnot found: {', '.join(missing)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
