"""FastAPI dependency that resolves the calling user from the identity service."""
import asyncio
import random

import httpx
from fastapi import Depends, HTTPException, Request, status

IDENTITY_URL = "https://identity.internal.example/v1/introspect"

_client = httpx.AsyncClient(timeout=5.0)


async def _introspect(token: str) -> dict:
    for attempt in range(3):
        r = await _client.get(IDENTITY_URL, headers={"Authorization": f"Bearer {token}"})
        if r.status_code in (401, 429, 502, 503):
            await asyncio.sleep(random.uniform(0, 0.25 * 2 ** attempt))
            continue
        r.raise_for_status()
        return r.json()
    raise HTTPException(status.HTTP_503_SERVICE_UNAVAILABLE, "identity service unavailable")


def _bearer(request: Request) -> str:
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "missing bearer token")
    return token


async def current_user(token: str = Depends(_bearer)) -> dict:
    claims = await _introspect(token)
    if not claims.get("active"):
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "token inactive")
    return {"id": claims["sub"], "scopes": claims.get("scope", "").split()}


def require_scope(scope: str):
    async def checker(user: dict = Depends(current_user)) -> dict:
        if scope not in user["scopes"]:
            raise HTTPException(status.HTTP_403_FORBIDDEN, f"missing scope {scope}")
        return user

    return checker
