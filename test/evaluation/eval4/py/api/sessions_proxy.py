import httpx
from fastapi import APIRouter, HTTPException, Response

router = APIRouter()

SESSIONS_API = "https://sessions.example.io/v1"
client = httpx.AsyncClient(base_url=SESSIONS_API, timeout=10.0)


@router.get("/sessions/{session_id}")
async def get_session(session_id: str):
    resp = await client.get(f"/sessions/{session_id}")
    match resp.status_code:
        case 200:
            return resp.json()
        case 400:
            raise HTTPException(400, detail=resp.json().get("error", {}).get("code", "invalid_parameters"))
        case 401 | 403:
            raise HTTPException(502, detail="upstream credentials rejected")
        case 404:
            raise HTTPException(404, detail="session_not_found")
        case 429:
            return Response(
                status_code=503,
                headers={"Retry-After": resp.headers.get("Retry-After", "30")},
            )
        case status if status >= 500:
            raise HTTPException(503, detail="sessions service unavailable")
        case _:
            raise HTTPException(502, detail=f"unexpected upstream status {resp.status_code}")


@router.delete("/sessions/{session_id}", status_code=204)
async def end_session(session_id: str):
    resp = await client.delete(f"/sessions/{session_id}")
    if resp.status_code not in (204, 404):
        raise HTTPException(502, detail="could not end session")
