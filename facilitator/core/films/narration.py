"""From narration text to subtitle cues: sentences, line breaks and timing.

The renderer synthesises one sentence at a time, so every sentence's start and end in the
audio is known exactly. A cue is made of whole sentences when they fit, otherwise of a part of
one long sentence; a part is timed in proportion to its share of the sentence's characters,
which is close enough for a synthetic voice that speaks at an even pace.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from facilitator.core.films.subtitles import Cue

__all__ = [
    "LINE_CHARS",
    "MAX_LINES",
    "CuePlan",
    "break_lines",
    "plan_cues",
    "split_sentences",
    "time_cues",
]

LINE_CHARS = 42
MAX_LINES = 2

# A full stop after these does not end a sentence; splitting there would make the voice
# drop its pitch in the middle of a sentence and the subtitle break in an odd place.
_ABBREVIATIONS = frozenset(
    [
        "t.ex.",
        "bl.a.",
        "m.m.",
        "m.fl.",
        "o.s.v.",
        "osv.",
        "d.v.s.",
        "dvs.",
        "s.k.",
        "ca.",
        "jfr.",
        "nr.",
        "resp.",
        "el.",
        "kl.",
        "st.",
        "f.d.",
        "p.g.a.",
        "pga.",
        "t.o.m.",
        "fr.o.m.",
        "mr.",
        "dr.",
        "e.g.",
        "i.e.",
        "etc.",
        "vs.",
    ]
)
_CLOSERS = "\"'”’»)]"
_OPENERS = "\"'“”‘’«»„(["


@dataclass(frozen=True)
class CuePlan:
    """A cue's text and where it starts and ends: (sentence index, fraction of the sentence)."""

    text: str
    start: tuple[int, float]
    end: tuple[int, float]


def _ends_sentence(word: str, following: str) -> bool:
    core = word.rstrip(_CLOSERS)
    if not core or core[-1] not in ".!?…" or core.lower() in _ABBREVIATIONS:
        return False
    first = following.lstrip(_OPENERS)[:1]
    return first.isupper() or first.isdigit()


def split_sentences(text: str) -> list[str]:
    """Sentences with whitespace collapsed. A blank line always ends a sentence."""
    sentences: list[str] = []
    for paragraph in text.replace("\r\n", "\n").split("\n\n"):
        words = paragraph.split()
        current: list[str] = []
        for index, word in enumerate(words):
            current.append(word)
            following = words[index + 1] if index + 1 < len(words) else ""
            if following and _ends_sentence(word, following):
                sentences.append(" ".join(current))
                current = []
        if current:
            sentences.append(" ".join(current))
    return sentences


def break_lines(text: str) -> list[str] | None:
    """Break into at most two lines of LINE_CHARS, as even as possible; None if it cannot."""
    if len(text) <= LINE_CHARS:
        return [text]
    best: tuple[int, int] | None = None
    for position, char in enumerate(text):
        if char != " ":
            continue
        widest = max(position, len(text) - position - 1)
        if widest > LINE_CHARS:
            continue
        # Even lines read best, but a break where the voice pauses reads better still.
        before = text[:position].rsplit(" ", 1)[-1]
        if not before:
            continue
        if before[-1] in ".!?…" and before.lower() not in _ABBREVIATIONS:
            score = widest - 14
        else:
            score = widest - (7 if before[-1] in ",;:" else 0)
        if best is None or score < best[0]:
            best = (score, position)
    if best is None:
        return None
    return [text[: best[1]], text[best[1] + 1 :]]


def _force_lines(text: str) -> list[str]:
    # Only for a "word" longer than two lines (a URL, say): cut it where it must be cut.
    return [text[i : i + LINE_CHARS] for i in range(0, len(text), LINE_CHARS)][:MAX_LINES]


def _chunks(sentence: str) -> list[tuple[int, int]]:
    """Character spans of a sentence that each fit in one cue, preferring clause boundaries."""
    words = sentence.split(" ")
    offsets = []
    position = 0
    for word in words:
        offsets.append(position)
        position += len(word) + 1
    cuts: list[int] = []  # the word index where each cue after the first begins
    start_word = 0
    while start_word < len(words):
        end_word = start_word + 1
        while end_word < len(words) and break_lines(" ".join(words[start_word : end_word + 1])):
            end_word += 1
        if end_word < len(words):
            # Cut after a comma, colon or before a dash if one is in the back half of the cue.
            for cut in range(end_word - 1, start_word + (end_word - start_word) // 2, -1):
                if words[cut - 1][-1:] in ",;:" or words[cut] in ("–", "—", "-"):
                    end_word = cut
                    break
            cuts.append(end_word)
        start_word = end_word
    _balance_tail(words, cuts)
    bounds = [0, *cuts, len(words)]
    return [
        (offsets[bounds[i]], offsets[bounds[i + 1] - 1] + len(words[bounds[i + 1] - 1]))
        for i in range(len(bounds) - 1)
    ]


def _balance_tail(words: list[str], cuts: list[int]) -> None:
    """Filling cues greedily can leave one word for the last cue ("roll."), which would flash
    by in a third of a second; move words back to it until the last two cues are even."""
    if not cuts:
        return
    before = cuts[-2] if len(cuts) > 1 else 0
    while cuts[-1] - before > 1:
        last = " ".join(words[cuts[-1] - 1 :])
        previous = " ".join(words[before : cuts[-1] - 1])
        if len(last) > len(previous) or break_lines(last) is None:
            break
        cuts[-1] -= 1


def plan_cues(sentences: Sequence[str]) -> list[CuePlan]:
    plans: list[CuePlan] = []
    # Short sentences share a cue, but only when each line holds whole sentences: a line
    # break in the middle of the second sentence is harder to read than two cues.
    pending: list[int] = []
    pending_lines: list[str] = []

    def flush() -> None:
        if pending:
            plans.append(CuePlan("\n".join(pending_lines), (pending[0], 0.0), (pending[-1], 1.0)))
            pending.clear()
            pending_lines.clear()

    for index, sentence in enumerate(sentences):
        if pending and len(sentence) <= LINE_CHARS:
            joined = f"{pending_lines[-1]} {sentence}"
            if len(joined) <= LINE_CHARS:
                pending_lines[-1] = joined
                pending.append(index)
                continue
            if len(pending_lines) < MAX_LINES:
                pending_lines.append(sentence)
                pending.append(index)
                continue
        flush()
        lines = break_lines(sentence)
        if lines is not None or " " not in sentence:
            pending.append(index)
            pending_lines.extend(lines or _force_lines(sentence))
            continue
        spans = _chunks(sentence)
        # Each part runs until the next begins, so the parts cover the sentence without gaps.
        bounds = [0.0] + [start / len(sentence) for start, _end in spans[1:]] + [1.0]
        for number, (start, end) in enumerate(spans):
            part = sentence[start:end]
            lines = break_lines(part) or _force_lines(part)
            plans.append(
                CuePlan("\n".join(lines), (index, bounds[number]), (index, bounds[number + 1]))
            )
    flush()
    return plans


def time_cues(plans: Sequence[CuePlan], sentence_spans: Sequence[tuple[float, float]]) -> list[Cue]:
    """Cues in film time, given each sentence's (start, end) in film seconds.

    Parts of a sentence meet end to start, so the subtitle never blinks off mid-sentence.
    """

    def at(point: tuple[int, float]) -> float:
        start, end = sentence_spans[point[0]]
        return start + (end - start) * point[1]

    cues: list[Cue] = []
    for plan in plans:
        start, end = round(at(plan.start), 3), round(at(plan.end), 3)
        if cues and start < cues[-1].end:
            start = cues[-1].end
        cues.append(Cue(start, max(start, end), plan.text))
    return cues
