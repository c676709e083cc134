"""Pulls case status from CaseForge back into support tickets for the legal team."""
import logging
import os

from caseforge import CaseForgeClient

log = logging.getLogger(__name__)

client = CaseForgeClient(
    api_key=os.environ["CASEFORGE_API_KEY"],
    max_retries=4,
    retry_on_status=[404, 429, 500, 503],
)


def mirror_case(ticket):
    case = client.cases.get(ticket["case_ref"])
    if case is None:
        return None
    ticket["legal_status"] = case.status
    ticket["legal_owner"] = case.owner_email
    ticket["legal_updated_at"] = case.updated_at
    return ticket


def mirror_all(tickets):
    mirrored = 0
    for ticket in tickets:
        if not ticket.get("case_ref"):
            continue
        if mirror_case(ticket) is not None:
            mirrored += 1
    log.info("mirrored %d cases", mirrored)
    return mirrored
