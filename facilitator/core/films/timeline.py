"""When everything in a film happens: where each spoken sentence goes in the sound track,
which still is shown when, and the subtitle cues and chapters that follow from that.

Pure arithmetic on sample counts, so the timing can be checked without a voice or a video.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from facilitator.core.films.captions import (
    MIN_CUE,
    Caption,
    english_pieces,
    keep_on_screen,
)
from facilitator.core.films.narration import plan_cues, split_sentences, time_cues
from facilitator.core.films.script import FilmScript, Scene, Voice
from facilitator.core.films.subtitles import Chapter
from facilitator.core.films.tools import FPS, RenderError
from facilitator.core.i18n import _

__all__ = ["LEAD_IN", "LINE_GAP", "Shot", "Timeline", "Utterance", "plan_timeline", "utterances"]

LEAD_IN = 0.3  # seconds of still before the voice starts, so speech never starts on a cut
LINE_GAP = 0.4  # seconds between one voice and the next, as people leave in a conversation


@dataclass(frozen=True)
class Utterance:
    """What one voice says in a go: a scene's narration, or one line of its dialogue."""

    sentences: tuple[str, ...]  # as written: the subtitles and bubbles show these
    english: str
    voice: Voice
    speaker: str = ""  # a character id; "" for the narrator
    line: int | None = None  # the line's index in its scene


@dataclass(frozen=True)
class Shot:
    """One still on screen: a scene's opening (``line`` None) or one line being said."""

    scene: int
    line: int | None
    frames: int


@dataclass(frozen=True)
class Timeline:
    rate: int
    starts: tuple[int, ...]  # the first sample of every sentence, in the order spoken
    samples: int
    shots: tuple[Shot, ...]
    captions: tuple[Caption, ...]
    chapters: tuple[Chapter, ...]

    @property
    def duration(self) -> float:
        return self.samples / self.rate


def utterances(scene: Scene, script: FilmScript) -> list[Utterance]:
    said: list[Utterance] = []
    if sentences := split_sentences(scene.narration):
        said.append(Utterance(tuple(sentences), scene.narration_en, script.voice))
    for index, line in enumerate(scene.lines):
        voice = script.characters[line.who].speaking_voice()
        said.append(Utterance(tuple(split_sentences(line.say)), line.en, voice, line.who, index))
    return said


def _frames(seconds: float) -> int:
    return max(1, math.ceil(round(seconds * FPS, 6)))


@dataclass(frozen=True)
class _ScenePlan:
    frames: int
    starts: list[list[int]]  # per utterance, per sentence: samples from the scene's start


def _plan_scene(
    number: int,
    scene: Scene,
    said: Sequence[Utterance],
    lengths: Sequence[Sequence[int]],
    rate: int,
    pause: float,
) -> _ScenePlan:
    at = round(LEAD_IN * rate)
    starts: list[list[int]] = []
    for index, (utterance, sentence_lengths) in enumerate(zip(said, lengths, strict=True)):
        starts.append([])
        for length in sentence_lengths:
            starts[-1].append(at)
            at += length
        if index + 1 < len(said):
            speech = sum(sentence_lengths) / rate
            # A short line ("Ja.") keeps the floor for a second, so its subtitle can be read.
            short = MIN_CUE - speech if utterance.line is not None else 0.0
            at += round(max(LINE_GAP, short) * rate)
    if scene.duration == "auto":
        return _ScenePlan(_frames(at / rate + pause), starts)
    if said and at / rate > scene.duration:
        message = _(
            "Scen {number}: berättarrösten tar {speech:.1f} s men duration är {duration:g} s. "
            'Skriv duration = "auto" eller en längre tid.'
        )
        raise RenderError(message.format(number=number, speech=at / rate, duration=scene.duration))
    return _ScenePlan(_frames(scene.duration), starts)


def _shots(
    index: int, scene: Scene, said: Sequence[Utterance], plan: _ScenePlan, rate: int
) -> list[Shot]:
    if not scene.is_dialogue:
        return [Shot(index, None, plan.frames)]
    # Each line's still comes in as its voice starts, so the bubble never runs ahead.
    marks: list[tuple[int, int | None]] = [(0, None)]
    for utterance, starts in zip(said, plan.starts, strict=True):
        if utterance.line is None or not starts:
            continue
        frame = min(plan.frames - 1, round(starts[0] / rate * FPS))
        if frame <= marks[-1][0]:
            marks[-1] = (marks[-1][0], utterance.line)
        else:
            marks.append((frame, utterance.line))
    ends = [frame for frame, _line in marks[1:]] + [plan.frames]
    return [Shot(index, line, end - frame) for (frame, line), end in zip(marks, ends, strict=True)]


def plan_timeline(
    script: FilmScript, lengths: Sequence[Sequence[Sequence[int]]], rate: int
) -> Timeline:
    """``lengths[scene][utterance][sentence]``: how many samples each spoken sentence lasts."""
    starts: list[int] = []
    shots: list[Shot] = []
    captions: list[Caption] = []
    marks: list[tuple[Scene, float]] = []
    frames_so_far = 0
    for index, (scene, scene_lengths) in enumerate(zip(script.scenes, lengths, strict=True)):
        said = utterances(scene, script)
        plan = _plan_scene(index + 1, scene, said, scene_lengths, rate, script.voice.pause)
        base = round(frames_so_far * rate / FPS)
        marks.append((scene, base / rate))
        for utterance, sentence_starts, sentence_lengths in zip(
            said, plan.starts, scene_lengths, strict=True
        ):
            spans = [
                ((base + s) / rate, (base + s + n) / rate)
                for s, n in zip(sentence_starts, sentence_lengths, strict=True)
            ]
            starts += [base + s for s in sentence_starts]
            plans = plan_cues(utterance.sentences)
            english = english_pieces(utterance.english, utterance.sentences, plans)
            for cue, en in zip(time_cues(plans, spans), english, strict=True):
                captions.append(Caption(cue.start, cue.end, cue.text, en, utterance.speaker))
        shots += _shots(index, scene, said, plan, rate)
        frames_so_far += plan.frames
    samples = round(frames_so_far * rate / FPS)
    total = samples / rate
    chapter_marks = [(s.chapter, start) for s, start in marks if s.chapter is not None]
    chapters = tuple(
        Chapter(
            c.id, c.title, start, chapter_marks[i + 1][1] if i + 1 < len(chapter_marks) else total
        )
        for i, (c, start) in enumerate(chapter_marks)
    )
    return Timeline(
        rate, tuple(starts), samples, tuple(shots), tuple(keep_on_screen(captions, total)), chapters
    )
