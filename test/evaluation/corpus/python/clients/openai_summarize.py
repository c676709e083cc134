"""Summarise support tickets with the OpenAI API."""
import logging
import os

import openai
from openai import OpenAI

log = logging.getLogger(__name__)

MODEL = os.environ.get("SUMMARY_MODEL", "gpt-4o-mini")
MAX_INPUT_CHARS = 12_000

client = OpenAI(max_retries=3, timeout=30.0)


class SummaryUnavailable(Exception):
    def __init__(self, reason: str, retry_in: float | None = None):
        super().__init__(reason)
        self.retry_in = retry_in


def summarise(ticket_text: str) -> str:
    text = ticket_text[:MAX_INPUT_CHARS]
    try:
        completion = client.chat.completions.create(
            model=MODEL,
            messages=[
                {"role": "system", "content": "Summarise the support ticket in two sentences."},
                {"role": "user", "content": text},
            ],
            temperature=0.2,
        )
    except openai.BadRequestError as e:
        log.warning("ticket rejected by the model: %s", e)
        return ""
    except openai.AuthenticationError:
        log.critical("OPENAI_API_KEY is invalid")
        raise
    except openai.RateLimitError as e:
        retry_after = e.response.headers.get("retry-after")
        raise SummaryUnavailable("rate limited", float(retry_after) if retry_after else None) from e
    except openai.InternalServerError as e:
        raise SummaryUnavailable(f"model backend error {e.status_code}") from e
    except openai.APIConnectionError as e:
        raise SummaryUnavailable("could not reach OpenAI") from e
    return completion.choices[0].message.content or ""
