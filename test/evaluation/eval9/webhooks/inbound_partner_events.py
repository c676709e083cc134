"""Receives order events pushed by marketplace partners."""
import hmac
import json
import logging
from hashlib import sha256

from flask import Blueprint, Response, request

from .limits import partner_bucket
from .store import EventStore

log = logging.getLogger(__name__)
bp = Blueprint("partner_events", __name__)
store = EventStore()


def _valid_signature(secret: bytes, body: bytes, signature: str) -> bool:
    expected = hmac.new(secret, body, sha256).hexdigest()
    return hmac.compare_digest(expected, signature or "")


@bp.post("/partners/<partner_id>/events")
def receive(partner_id):
    partner = store.partner(partner_id)
    if partner is None:
        return Response(status=404)
    if not _valid_signature(partner.secret, request.get_data(), request.headers.get("X-Signature")):
        return Response(status=401)
    bucket = partner_bucket(partner_id)
    if not bucket.take():
        return Response(status=429, headers={"Retry-After": str(bucket.seconds_until_refill())})

    event = json.loads(request.get_data())
    if store.seen(event["id"]):
        return Response(status=200)
    try:
        store.save(partner_id, event)
    except store.Unavailable:
        log.exception("event store unavailable")
        return Response(status=503, headers={"Retry-After": "30"})
    return Response(status=202)
