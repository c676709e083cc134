"""Our intake API. It returns 429/503 to its own clients; nothing here calls another API."""
import time
from collections import defaultdict

from fastapi import FastAPI, Header, HTTPException, Request
from fastapi.responses import JSONResponse

app = FastAPI()

WINDOW = 60
LIMIT = 100
_hits: dict[str, list[float]] = defaultdict(list)
MAINTENANCE = {"on": False}


@app.middleware("http")
async def maintenance_gate(request: Request, call_next):
    if MAINTENANCE["on"]:
        return JSONResponse(
            status_code=503,
            content={"error": {"code": "maintenance", "message": "Back soon"}},
            headers={"Retry-After": "120"},
        )
    return await call_next(request)


def _check_rate(api_key: str) -> None:
    now = time.time()
    recent = [t for t in _hits[api_key] if now - t < WINDOW]
    _hits[api_key] = recent
    if len(recent) >= LIMIT:
        retry_after = int(WINDOW - (now - recent[0])) + 1
        raise HTTPException(
            status_code=429,
            detail={"code": "rate_limit_exceeded", "message": "Too many requests"},
            headers={"Retry-After": str(retry_after)},
        )
    recent.append(now)


@app.get("/v1/matters/{matter_id}")
async def get_matter(matter_id: str, x_api_key: str | None = Header(default=None)):
    if x_api_key is None:
        raise HTTPException(status_code=401, detail={"code": "missing_api_key"})
    _check_rate(x_api_key)
    if not matter_id.startswith("mat_"):
        raise HTTPException(status_code=404, detail={"code": "matter_not_found"})
    return {"id": matter_id, "title": "Example"}


@app.exception_handler(Exception)
async def unhandled(request: Request, exc: Exception):
    return JSONResponse(status_code=500, content={"error": {"code": "internal_error"}})
