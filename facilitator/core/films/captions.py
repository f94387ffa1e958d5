"""Subtitle cues in two languages at the same times, each on screen for at least a second.

The Swedish cues follow the speech sentence by sentence (narration.py). The English text of
the same narration or line is cut into as many pieces, at the same places as far as the two
texts allow, so both tracks change together and a viewer can switch language mid-film.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, replace

from facilitator.core.films.narration import LINE_CHARS, CuePlan, break_lines, split_sentences
from facilitator.core.films.subtitles import Cue

__all__ = ["MIN_CUE", "Caption", "english_pieces", "keep_on_screen", "split_tracks"]

MIN_CUE = 1.0  # seconds; a shorter cue cannot be read, only noticed
_TOUCHING = 0.05  # seconds; cues closer than this are parts of one stretch of speech
_EPSILON = 1e-6


@dataclass(frozen=True)
class Caption:
    """One cue in both languages. ``speaker`` is a character id, "" for the narrator and None
    for a cue that already holds two speakers' lines (each marked with a dash)."""

    start: float
    end: float
    sv: str
    en: str = ""
    speaker: str | None = ""

    @property
    def seconds(self) -> float:
        return self.end - self.start


def _flat(text: str) -> str:
    return " ".join(text.split())


def _wrap(text: str) -> str:
    """Two balanced lines where they fit; English may run longer than the Swedish it
    follows, and then gets a third line rather than being cut."""
    text = _flat(text)
    lines = break_lines(text)
    if lines is not None:
        return "\n".join(lines)
    rows: list[str] = []
    for word in text.split():
        if rows and len(rows[-1]) + 1 + len(word) <= LINE_CHARS:
            rows[-1] += " " + word
        else:
            rows.append(word)
    return "\n".join(rows)


def _cut_near(text: str, position: float) -> int:
    """The space nearest a character position (the text's end if it has none)."""
    spaces = [i for i, char in enumerate(text) if char == " "]
    if not spaces:
        return len(text)
    return min(spaces, key=lambda i: (abs(i - position), i))


def english_pieces(english: str, swedish: Sequence[str], plans: Sequence[CuePlan]) -> list[str]:
    """The English text cut into one piece per Swedish cue plan.

    When both texts have as many sentences, a cut between Swedish sentences falls between the
    same English sentences and a cut inside one falls at the same share of its English twin;
    otherwise the cuts fall at the same share of the whole text.
    """
    english = _flat(english)
    if not english or not plans:
        return ["" for _plan in plans]
    sentences = split_sentences(english)
    paired = len(sentences) == len(swedish)
    starts, position = [], 0
    for sentence in sentences:
        starts.append(position)
        position += len(sentence) + 1
    sv_total = sum(len(s) for s in swedish) or 1
    sv_before = [sum(len(s) for s in swedish[:i]) for i in range(len(swedish))]

    def at(point: tuple[int, float]) -> float:
        index, fraction = point
        if paired:
            return starts[index] + fraction * len(sentences[index])
        share = (sv_before[index] + fraction * len(swedish[index])) / sv_total
        return share * len(english)

    cuts = [0]
    for plan in plans[:-1]:
        cut = _cut_near(english, at(plan.end))
        cuts.append(max(cut, cuts[-1]))
    cuts.append(len(english))
    return [_wrap(english[a:b]) for a, b in itertools.pairwise(cuts)]


def _join(first: Caption, second: Caption) -> Caption | None:
    """One cue holding both, or None when they would not fit in two lines."""
    if first.speaker is None or second.speaker is None:
        return None
    if first.speaker == second.speaker:
        lines = break_lines(f"{_flat(first.sv)} {_flat(second.sv)}")
        if lines is None:
            return None
        sv, speaker = "\n".join(lines), first.speaker
    else:
        # Two voices in one cue: the subtitling convention of a dash before each speaker.
        rows = [f"– {_flat(first.sv)}", f"– {_flat(second.sv)}"]
        if any(len(row) > LINE_CHARS for row in rows) or "\n" in first.sv + second.sv:
            return None
        sv, speaker = "\n".join(rows), None
    if first.en or second.en:
        en = (
            _wrap(f"{first.en} {second.en}")
            if first.speaker == second.speaker
            else f"– {_flat(first.en)}\n– {_flat(second.en)}"
        )
    else:
        en = ""
    return Caption(first.start, max(first.end, second.end), sv, en, speaker)


def keep_on_screen(captions: Sequence[Caption], film_end: float) -> list[Caption]:
    """Every cue at least MIN_CUE long: grown into the silence around it, else joined with a
    neighbour, else given time by a neighbour that has more than it needs."""
    out = list(captions)
    index = 0
    while index < len(out):
        cue = out[index]
        if cue.seconds >= MIN_CUE - _EPSILON:
            index += 1
            continue
        after = out[index + 1].start if index + 1 < len(out) else film_end
        before = out[index - 1].end if index > 0 else 0.0
        end = min(after, cue.start + MIN_CUE)
        start = max(before, min(cue.start, end - MIN_CUE))
        out[index] = cue = replace(cue, start=round(start, 3), end=round(max(end, cue.end), 3))
        if cue.seconds >= MIN_CUE - _EPSILON:
            index += 1
            continue
        joined = _join_neighbour(out, index)
        if joined is not None:
            index = max(0, joined - 1)  # look again at the joined cue and the one before it
            continue
        _borrow(out, index)
        index += 1
    return out


def _join_neighbour(out: list[Caption], index: int) -> int | None:
    """Join the cue with its nearer neighbour that it fits with; the joined cue's index."""
    options = []
    if index > 0:
        options.append((out[index].start - out[index - 1].end, index - 1))
    if index + 1 < len(out):
        options.append((out[index + 1].start - out[index].end, index))
    for _gap, first in sorted(options):
        joined = _join(out[first], out[first + 1])
        if joined is not None:
            out[first : first + 2] = [joined]
            return first
    return None


def _borrow(out: list[Caption], index: int) -> None:
    cue = out[index]
    need = MIN_CUE - cue.seconds
    if index + 1 < len(out):
        after = out[index + 1]
        spare = after.seconds - MIN_CUE
        if after.start - cue.end < _TOUCHING and spare > 0:
            take = round(min(need, spare), 3)
            out[index + 1] = replace(after, start=round(after.start + take, 3))
            out[index] = cue = replace(cue, end=round(after.start + take, 3))
            need = MIN_CUE - cue.seconds
    if need > _EPSILON and index > 0:
        before = out[index - 1]
        spare = before.seconds - MIN_CUE
        if cue.start - before.end < _TOUCHING and spare > 0:
            take = round(min(need, spare), 3)
            out[index - 1] = replace(before, end=round(before.end - take, 3))
            out[index] = replace(cue, start=round(before.end - take, 3))


def split_tracks(captions: Sequence[Caption]) -> tuple[list[Cue], list[Cue]]:
    """The Swedish cues and the English cues (empty when the film has no English)."""
    swedish = [Cue(c.start, c.end, c.sv) for c in captions]
    if not any(c.en for c in captions):
        return swedish, []
    return swedish, [Cue(c.start, c.end, c.en) for c in captions]
