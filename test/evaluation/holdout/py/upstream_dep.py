"""FastAPI dependency that resolves the caller's account from the accounts service."""
from typing import Annotated

import httpx
from fastapi import Depends, Header, HTTPException, status

ACCOUNTS_URL = "http://accounts.svc.cluster.local"

_client = httpx.AsyncClient(base_url=ACCOUNTS_URL, timeout=3.0)


async def current_account(authorization: Annotated[str, Header()]) -> dict:
    try:
        resp = await _client.get("/v1/session", headers={"Authorization": authorization})
    except httpx.TransportError:
        raise HTTPException(status.HTTP_503_SERVICE_UNAVAILABLE, "accounts service unreachable")

    if resp.status_code == 401:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "session expired")
    if resp.status_code == 404:
        raise HTTPException(status.HTTP_403_FORBIDDEN, "no account for this session")
    if resp.status_code == 429:
        raise HTTPException(
            status.HTTP_503_SERVICE_UNAVAILABLE,
            "accounts service busy",
            headers={"Retry-After": resp.headers.get("Retry-After", "2")},
        )
    if resp.status_code >= 500:
        raise HTTPException(status.HTTP_502_BAD_GATEWAY, "accounts service failing")
    resp.raise_for_status()
    return resp.json()


Account = Annotated[dict, Depends(current_account)]
