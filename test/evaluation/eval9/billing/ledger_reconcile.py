"""Reconciles settled payouts against the ledger service."""
import logging

from ledger_sdk import LedgerClient, NotFoundError, RateLimitError, ServerError

log = logging.getLogger(__name__)


class Deferred(Exception):
    """Raised so the scheduler picks the payout up again in the next run."""


def reconcile_payout(ledger: LedgerClient, payout) -> bool:
    try:
        entry = ledger.entries.retrieve(payout.ledger_entry_id)
    except NotFoundError:
        log.error("payout %s has no ledger entry", payout.id)
        return False
    except RateLimitError as exc:
        raise Deferred(f"rate limited, retry after {exc.retry_after}s") from exc
    except ServerError as exc:
        raise Deferred("ledger unavailable") from exc

    if entry.amount != payout.amount:
        log.error("amount mismatch for %s: %s != %s", payout.id, entry.amount, payout.amount)
        return False
    return True


def reconcile_batch(ledger, payouts):
    ok, deferred = 0, []
    for payout in payouts:
        try:
            if reconcile_payout(ledger, payout):
                ok += 1
        except Deferred:
            deferred.append(payout.id)
    return ok, deferred
