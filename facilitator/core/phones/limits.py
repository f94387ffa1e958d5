"""How much a phone may send: small requests, short answers.

The web server refuses a larger body before reading it (413); an answer is cleaned like
everything the leader types (``clean_user_text``) and then measured in characters."""

from __future__ import annotations

from enum import StrEnum

from facilitator.core.user_text import clean_user_text

MAX_REQUEST_BYTES = 4 * 1024
MAX_ANSWER_CHARS = 500


class AnswerProblem(StrEnum):
    EMPTY = "empty"
    TOO_LONG = "too_long"


def clean_answer(text: str) -> tuple[str, AnswerProblem | None]:
    """The answer as it will be stored, and what is wrong with it (None: fine)."""
    cleaned = clean_user_text(text).strip()
    if not cleaned:
        return cleaned, AnswerProblem.EMPTY
    if len(cleaned) > MAX_ANSWER_CHARS:
        return cleaned, AnswerProblem.TOO_LONG
    return cleaned, None
