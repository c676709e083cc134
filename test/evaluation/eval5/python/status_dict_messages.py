"""Turns CaseXchange failures into messages for the intake CLI."""
from dataclasses import dataclass

STATUS_HINTS = {
    400: "The request was malformed; check the fields listed below.",
    401: "The X-API-Key header is missing or the key was revoked.",
    403: "This key tier cannot perform the operation (see GET /firms/me).",
    404: "The case does not exist or belongs to another firm.",
    409: "The case changed since you loaded it.",
    422: "That state transition is not allowed.",
    429: "Rate limited; the sync job will pick this up again later.",
    500: "CaseXchange failed internally; include the request id when you report it.",
    503: "CaseXchange is in maintenance.",
}

EXIT_CODES = {401: 3, 403: 3, 404: 4, 409: 5}


@dataclass
class Failure:
    status: int
    code: str
    request_id: str | None = None


def hint_for(failure: Failure) -> str:
    hint = STATUS_HINTS.get(failure.status, f"Unexpected HTTP {failure.status}.")
    if failure.request_id:
        hint += f" (request {failure.request_id})"
    return hint


def exit_code_for(failure: Failure) -> int:
    return EXIT_CODES.get(failure.status, 1)


def render(failures: list[Failure]) -> str:
    lines = []
    for failure in failures:
        lines.append(f"[{failure.code}] {hint_for(failure)}")
    return "\n".join(lines)
