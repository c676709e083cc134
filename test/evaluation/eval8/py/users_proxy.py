import os

import httpx
from fastapi import APIRouter, HTTPException
from pydantic import BaseModel

router = APIRouter(prefix="/users", tags=["users"])

UPSTREAM = os.environ.get("IDENTITY_URL", "https://identity.internal")
SERVICE_TOKEN = os.environ.get("IDENTITY_TOKEN", "")


class UserOut(BaseModel):
    id: str
    email: str
    display_name: str
    active: bool


@router.get("/{user_id}", response_model=UserOut)
async def get_user(user_id: str) -> UserOut:
    async with httpx.AsyncClient(
        base_url=UPSTREAM,
        headers={"Authorization": f"Bearer {SERVICE_TOKEN}"},
        timeout=10,
    ) as client:
        resp = await client.get(f"/users/{user_id}")
    try:
        resp.raise_for_status()
    except httpx.HTTPStatusError as exc:
        if exc.response.status_code == 404:
            raise HTTPException(status_code=404, detail="user not found") from exc
        elif exc.response.status_code in (401, 403):
            raise HTTPException(status_code=502, detail="identity service rejected our token") from exc
        raise HTTPException(status_code=502, detail="identity service error") from exc
    data = resp.json()
    return UserOut(
        id=data["id"],
        email=data["email"],
        display_name=data.get("name") or data["email"],
        active=data.get("status") == "active",
    )
