"""Tests for the read client: the server-side throttling responses are simulated, not retried."""
import httpx
import pytest
import requests
import responses
import respx

from status_dict_messages import Failure, hint_for

CASE_URL = "https://api.casexchange.example/v2/cases/c_1"


@responses.activate
def test_rate_limited_response_is_reported():
    responses.add(
        responses.GET,
        CASE_URL,
        json={"error": {"code": "rate_limit_exceeded"}},
        status=429,
        headers={"Retry-After": "3"},
    )
    resp = requests.get(CASE_URL, timeout=5)
    assert resp.status_code == 429
    assert resp.headers["Retry-After"] == "3"
    assert len(responses.calls) == 1


@respx.mock
def test_maintenance_hint():
    respx.get(CASE_URL).mock(return_value=httpx.Response(503, headers={"Retry-After": "120"}))
    resp = httpx.get(CASE_URL)
    assert "maintenance" in hint_for(Failure(status=resp.status_code, code="maintenance"))


@pytest.mark.parametrize("status", [401, 403, 404, 429, 500, 503])
def test_every_status_has_a_hint(status):
    assert hint_for(Failure(status=status, code="x"))
