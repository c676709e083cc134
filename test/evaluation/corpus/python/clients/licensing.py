"""License-server client used by the desktop app's activation flow."""
from __future__ import annotations

import logging
import platform
from dataclasses import dataclass

import httpx

log = logging.getLogger(__name__)

LICENSE_API = "https://licensing.example.com/v1"


class ActivationError(Exception):
    """Raised with a message that can be shown to the user as-is."""


@dataclass(frozen=True)
class Activation:
    license_key: str
    seat_id: str
    expires: str


def activate(license_key: str, machine_id: str) -> Activation:
    resp = httpx.post(
        f"{LICENSE_API}/activations",
        json={"key": license_key, "machine": machine_id, "os": platform.system()},
        timeout=15,
    )
    match resp.status_code:
        case 201:
            body = resp.json()
            return Activation(license_key, body["seat_id"], body["expires"])
        case 400 | 422:
            raise ActivationError("That license key is not valid.")
        case 402:
            raise ActivationError("This license has expired. Renew it to continue.")
        case 403:
            raise ActivationError("All seats on this license are in use.")
        case 404:
            raise ActivationError("License key not found.")
        case _:
            resp.raise_for_status()
            raise ActivationError(f"Unexpected answer from the license server ({resp.status_code}).")


def deactivate(seat_id: str) -> None:
    resp = httpx.delete(f"{LICENSE_API}/activations/{seat_id}", timeout=15)
    if resp.status_code == 404:
        log.info("seat %s was already released", seat_id)
        return
    resp.raise_for_status()
