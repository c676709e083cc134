"""Show an account's sending quota, translating upstream failures into user-facing states."""
from __future__ import annotations

import logging
from enum import Enum

import httpx
from fastapi import APIRouter, Depends

from handlers.deps import current_account, mail_client

router = APIRouter()
log = logging.getLogger(__name__)


class QuotaState(str, Enum):
    OK = "ok"
    UNKNOWN_ACCOUNT = "unknown_account"
    THROTTLED = "throttled"
    DEGRADED = "degraded"
    MISCONFIGURED = "misconfigured"


def _classify(resp: httpx.Response) -> QuotaState:
    match resp.status_code:
        case 200:
            return QuotaState.OK
        case 401 | 403:
            return QuotaState.MISCONFIGURED
        case 404:
            return QuotaState.UNKNOWN_ACCOUNT
        case 429:
            return QuotaState.THROTTLED
        case 500 | 502 | 503 | 504:
            return QuotaState.DEGRADED
        case other:
            log.warning("unexpected status %s from mail provider", other)
            return QuotaState.DEGRADED


@router.get("/accounts/me/quota")
async def quota(account=Depends(current_account), client: httpx.AsyncClient = Depends(mail_client)):
    resp = await client.get(f"/v3/accounts/{account.provider_id}/quota")
    state = _classify(resp)
    payload = {"state": state.value}
    if state is QuotaState.OK:
        body = resp.json()
        payload.update(sent=body["sent_today"], limit=body["daily_limit"])
    elif state is QuotaState.THROTTLED:
        payload["retry_after"] = resp.headers.get("Retry-After")
    return payload
