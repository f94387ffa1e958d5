"""The film, its subtitles and chapters, and the film steps' chapters and pause points."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from facilitator.core.content.consistency import suggestion
from facilitator.core.content.manifest import FilmStep, Manifest
from facilitator.core.content.media_probe import MediaProbe, MediaProbeError
from facilitator.core.content.problems import FieldPath, Severity
from facilitator.core.content.report import Findings
from facilitator.core.films.subtitles import Chapter, SubtitleError, read_chapters, read_subtitles
from facilitator.core.films.transcript import written_transcript_file
from facilitator.core.i18n import _

FILM_SUFFIXES = (".mp4", ".m4v", ".webm", ".mkv", ".mov", ".ogv")
SUBTITLE_SUFFIXES = (".vtt", ".srt")
# Encoders pad the last frame or audio packet; a cue ending a moment after the film is fine.
TOLERANCE = 0.5


def _seconds(value: float) -> str:
    return f"{value:.1f}".replace(".", ",") + " s"


def _probe(findings: Findings, file: Path, probe: MediaProbe | None) -> float | None:
    if probe is None:
        findings.manifest(
            ("film", "file"),
            _("filmens längd lästes inte, så tiderna är inte kontrollerade mot filmen"),
            _("med ffmpeg (ffprobe) installerat kontrolleras kapitel- och paustider"),
            Severity.WARNING,
        )
        return None
    try:
        info = probe.probe(file)
    except MediaProbeError as error:
        findings.manifest(("film", "file"), str(error), _("en film i MP4 (H.264/AAC) eller WebM"))
        return None
    if info.video_codec is None:
        findings.manifest(
            ("film", "file"), _("filen har ingen bild"), _("en film med bild"), Severity.WARNING
        )
    return info.duration


def _subtitles(
    findings: Findings, index: int, reference: str, file: Path, duration: float | None
) -> None:
    path: FieldPath = ("film", "subtitles", index, "file")
    if file.suffix.lower() not in SUBTITLE_SUFFIXES:
        findings.manifest(
            path, _("filen ”{name}”").format(name=reference), _("en .vtt- eller .srt-fil")
        )
        return
    try:
        cues = read_subtitles(file)
    except SubtitleError as error:
        findings.file(reference, error.line, (), error.message, _("en giltig textningsfil"))
        return
    except OSError:
        findings.file(reference, None, (), _("filen kunde inte läsas"), _("en läsbar fil"))
        return
    if not cues:
        findings.file(
            reference, None, (), _("inga repliker"), _("minst en replik"), Severity.WARNING
        )
    last_end = max((cue.end for cue in cues), default=0.0)
    if duration is not None and last_end > duration + TOLERANCE:
        findings.file(
            reference,
            None,
            (),
            _("sista repliken slutar vid {t}").format(t=_seconds(last_end)),
            _("inom filmens längd, {t}").format(t=_seconds(duration)),
            Severity.WARNING,
        )


def _chapter_line(file: Path, chapter_id: str) -> int | None:
    try:
        lines = file.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    for number, line in enumerate(lines, start=1):
        if line.strip() == chapter_id:
            return number
    return None


def _chapters(
    findings: Findings, reference: str, file: Path, duration: float | None
) -> dict[str, Chapter] | None:
    if file.suffix.lower() != ".vtt":
        findings.manifest(
            ("film", "chapters"), _("filen ”{name}”").format(name=reference), _("en .vtt-fil")
        )
        return None
    try:
        chapters = read_chapters(file)
    except SubtitleError as error:
        findings.file(reference, error.line, (), error.message, _("en giltig WebVTT-kapitelfil"))
        return None
    except OSError:
        findings.file(reference, None, (), _("filen kunde inte läsas"), _("en läsbar fil"))
        return None
    for chapter in chapters:
        if duration is not None and (
            chapter.start >= duration or chapter.end > duration + TOLERANCE
        ):
            findings.file(
                reference,
                _chapter_line(file, chapter.id),
                (),
                _("kapitlet ”{id}” går {start}–{end}").format(
                    id=chapter.id, start=_seconds(chapter.start), end=_seconds(chapter.end)
                ),
                _("inom filmens längd, {t}").format(t=_seconds(duration)),
            )
    return {chapter.id: chapter for chapter in chapters}


def _film_step(
    findings: Findings,
    index: int,
    step: FilmStep,
    chapters: dict[str, Chapter] | None,
    has_chapter_file: bool,
    duration: float | None,
) -> None:
    start, end = 0.0, duration
    for key in ("chapter_from", "chapter_to"):
        chapter_id = getattr(step, key)
        if chapter_id is None:
            continue
        path: FieldPath = ("steps", index, key)
        if not has_chapter_file:
            findings.manifest(
                path,
                _("ett kapitel, men filmen har ingen kapitelfil"),
                _("ange film.chapters eller ta bort {key}").format(key=key),
            )
        elif chapters is not None and chapter_id not in chapters:
            findings.manifest(
                path,
                _("kapitlet ”{id}” finns inte").format(id=chapter_id),
                _("ska vara ett kapitel-id i kapitelfilen") + suggestion(chapter_id, chapters),
            )
        elif chapters is not None:
            chapter = chapters[chapter_id]
            if key == "chapter_from":
                start = chapter.start
            else:
                end = chapter.end
    if end is not None and start >= end:
        findings.manifest(
            ("steps", index, "chapter_to"),
            _("kapitlet slutar innan det första kapitlet börjar"),
            _("chapter_to ska vara samma kapitel som chapter_from eller ett senare"),
        )
    for p_index, pause in enumerate(step.pause_points):
        path = ("steps", index, "pause_points", p_index, "at")
        if duration is not None and pause.at >= duration:
            findings.manifest(
                path,
                _("pausen ligger vid {t}").format(t=_seconds(pause.at)),
                _("inom filmens längd, {t}").format(t=_seconds(duration)),
            )
        elif pause.at < start or (end is not None and pause.at >= end):
            findings.manifest(
                path,
                _("pausen ligger vid {t}, utanför kapitlen som steget spelar").format(
                    t=_seconds(pause.at)
                ),
                _("mellan {a} och {b}").format(a=_seconds(start), b=_seconds(end or 0)),
                Severity.WARNING,
            )


def _transcript(findings: Findings, manifest: Manifest, files: Mapping[FieldPath, Path]) -> None:
    """A film nobody can read is shut to a participant who cannot see or hear it; the module
    still runs, so this is a warning."""
    if files.get(("film", "script")) is not None:
        return
    if written_transcript_file(manifest, findings.folder) is not None:
        return
    findings.manifest(
        ("film",),
        _("filmen har ingen text: varken filmskript eller transcript.md"),
        _(
            "film/transcript.md med filmens ord (se docs/film-authoring.md), så att den som "
            "inte ser eller hör filmen kan läsa den"
        ),
        Severity.WARNING,
    )


def check_film(
    findings: Findings,
    manifest: Manifest,
    files: Mapping[FieldPath, Path],
    probe: MediaProbe | None,
) -> float | None:
    """Returns the film's length in seconds when it could be read."""
    film = manifest.film
    if film is None:
        return None
    duration = None
    film_file = files.get(("film", "file"))
    if film_file is not None:
        if film_file.suffix.lower() not in FILM_SUFFIXES:
            findings.manifest(
                ("film", "file"),
                _("filen ”{name}”").format(name=film.file),
                _("en film i MP4 (H.264/AAC) eller WebM"),
                Severity.WARNING,
            )
        duration = _probe(findings, film_file, probe)
    _transcript(findings, manifest, files)
    for index, track in enumerate(film.subtitles):
        if (file := files.get(("film", "subtitles", index, "file"))) is not None:
            _subtitles(findings, index, track.file, file, duration)
    chapters = None
    chapter_file = files.get(("film", "chapters"))
    if film.chapters is not None and chapter_file is not None:
        chapters = _chapters(findings, film.chapters, chapter_file, duration)
    for index, step in enumerate(manifest.steps):
        if isinstance(step, FilmStep):
            _film_step(findings, index, step, chapters, film.chapters is not None, duration)
    return duration
