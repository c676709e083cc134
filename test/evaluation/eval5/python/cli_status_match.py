"""Status-aware messages for the `casework` command line tool."""
import sys

import httpx


def explain(resp: httpx.Response) -> str:
    match resp.status_code:
        case 400 | 422:
            return "The request was rejected: " + resp.json().get("error", "invalid input")
        case 401:
            return "Not signed in. Run `casework login`."
        case 403:
            return "Your key cannot do that. Ask an admin for a wider scope."
        case 404:
            return "Nothing found at that id."
        case 429:
            wait = resp.headers.get("Retry-After", "60")
            return f"Rate limited. Try again in {wait} seconds."
        case 500 | 502 | 503 | 504:
            return "Casework is having trouble. Try again in a few minutes."
        case _:
            return f"Unexpected response {resp.status_code}."


def show_case(case_id: str, token: str) -> int:
    resp = httpx.get(
        f"https://api.casework.example/v1/cases/{case_id}",
        headers={"Authorization": f"Bearer {token}"},
        timeout=10,
    )
    if resp.is_success:
        case = resp.json()
        print(f"{case['id']}: {case['title']} ({case['status']})")
        return 0
    print(explain(resp), file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(show_case(sys.argv[1], sys.argv[2]))
