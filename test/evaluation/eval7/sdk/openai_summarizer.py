"""Summarise support transcripts with the OpenAI API for the weekly digest."""
import logging
import time
import uuid

import openai
from openai import OpenAI

log = logging.getLogger(__name__)

client = OpenAI(max_retries=0)

PROMPT = "Summarise this support conversation in three bullet points for an account manager."


def summarise(transcript: str) -> str | None:
    request_key = str(uuid.uuid4())
    for attempt in range(4):
        try:
            completion = client.chat.completions.create(
                model="gpt-4o-mini",
                messages=[
                    {"role": "system", "content": PROMPT},
                    {"role": "user", "content": transcript},
                ],
                extra_headers={"Idempotency-Key": request_key},
            )
            return completion.choices[0].message.content
        except (openai.RateLimitError, openai.InternalServerError) as exc:
            log.warning("openai busy (attempt %d): %s", attempt + 1, exc)
            time.sleep(20)
        except openai.BadRequestError as exc:
            log.error("transcript rejected: %s", exc)
            return None
    return None


def digest(transcripts: list[str]) -> list[str]:
    out = []
    for text in transcripts:
        summary = summarise(text)
        if summary:
            out.append(summary)
    return out
