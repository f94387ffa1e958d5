"""A film's words as text (EN 301 549 7.1, 9.1.2.1: an alternative for time-based media): what
is shown and said, scene by scene, in the film's order, with its chapters as sections.

A rendered film's transcript is built from its script, so it says exactly what the film shows
and speaks. A film made elsewhere has none; its author may write ``transcript.md`` (or
``.txt``) beside the film file: plain text in which a line starting with ``#`` starts a section
and a blank line a paragraph. A written transcript wins over the script: it is the author's
word on a film that may no longer be the rendered one.

Each line says what kind of words it holds (on screen, a drawing's labels, narration, a
speaker's line). A dialogue scene gives where it happens and who is there, then every line
with its speaker's name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path, PurePosixPath

from facilitator.core.content.manifest import Manifest
from facilitator.core.films.script import FilmScript, Scene, ScriptError, load_script
from facilitator.core.i18n import N_, _
from facilitator.core.user_text import clean_user_text

__all__ = [
    "TRANSCRIPT_NAMES",
    "Line",
    "LineKind",
    "Passage",
    "Section",
    "Transcript",
    "TranscriptError",
    "load_transcript",
    "parse_written",
    "transcript_candidates",
    "transcript_from_script",
    "written_transcript_file",
]

TRANSCRIPT_NAMES = ("transcript.md", "transcript.txt")
# A transcript is a few pages; a bigger file is not one, and is never read into memory.
MAX_TRANSCRIPT_BYTES = 512 * 1024


class TranscriptError(ValueError):
    """The transcript's source cannot be read. The message is plain Swedish and names the
    file."""


class LineKind(StrEnum):
    HEADING = "heading"  # the large text at the top of a card
    SCREEN = "screen"  # the card's body text
    QUOTE = "quote"  # a quotation card; ``speaker`` is its attribution
    DRAWING = "drawing"  # the drawing's labels
    NARRATION = "narration"  # the voice
    SPEECH = "speech"  # one person's line; ``speaker`` says who
    WRITTEN = "written"  # a paragraph of a transcript the author wrote


@dataclass(frozen=True)
class Line:
    kind: LineKind
    text: str
    speaker: str = ""

    def label(self) -> str:
        """What the line is, in words, for a reader who cannot see the card."""
        labels = {
            LineKind.HEADING: _("Rubrik"),
            LineKind.SCREEN: _("På bilden"),
            LineKind.QUOTE: _("Citat"),
            LineKind.DRAWING: _("Bildens text"),
            LineKind.NARRATION: _("Berättarröst"),
        }
        if self.kind is LineKind.SPEECH:
            return self.speaker
        return labels.get(self.kind, "")

    def shown(self) -> str:
        """The words, a quotation marked as one."""
        if self.kind is LineKind.QUOTE:
            return f"”{self.text}”" + (f" – {self.speaker}" if self.speaker else "")
        return self.text

    def plain(self) -> str:
        label = self.label()
        return f"{label}: {self.shown()}" if label else self.shown()


@dataclass(frozen=True)
class Passage:
    """One scene of a rendered film, or one paragraph of a written transcript."""

    lines: tuple[Line, ...]


@dataclass(frozen=True)
class Section:
    """A chapter; ``title`` is empty for words before a written transcript's first heading."""

    title: str
    passages: tuple[Passage, ...]


@dataclass(frozen=True)
class Transcript:
    title: str
    sections: tuple[Section, ...]

    @property
    def lines(self) -> tuple[Line, ...]:
        return tuple(
            line for section in self.sections for p in section.passages for line in p.lines
        )

    def plain_text(self) -> str:
        parts = [self.title, ""] if self.title else []
        for section in self.sections:
            if section.title:
                parts += ["", section.title, ""]
            for passage in section.passages:
                parts += [line.plain() for line in passage.lines]
                parts.append("")
        return "\n".join(parts).rstrip() + "\n"

    def markdown(self) -> str:
        parts = [f"# {_escape(self.title)}", ""] if self.title else []
        for section in self.sections:
            if section.title:
                parts += [f"## {_escape(section.title)}", ""]
            for passage in section.passages:
                for line in passage.lines:
                    parts += [_markdown_line(line), ""]
        return "\n".join(parts).rstrip() + "\n"


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")


def _escape(text: str) -> str:
    """Text shown as written: nothing in it becomes emphasis, a link, a heading or HTML."""
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
    return "\n".join(
        re.sub(r"^(\s*)([-+]|\d+[.)])(\s)", r"\1\\\2\3", row) for row in escaped.split("\n")
    )


def _markdown_line(line: Line) -> str:
    body = _escape(line.shown()).replace("\n", "  \n")  # a card's lines stay lines
    label = line.label()
    return f"**{_escape(label)}:** {body}" if label else body


# --- from a script -------------------------------------------------------------------------


def _flowing(text: str) -> str:
    """Narration as one paragraph: its line breaks are the author's wrapping, not pauses."""
    return " ".join(clean_user_text(text).split())


def _card_text(text: str) -> str:
    """A card's body keeps its lines (bullets, paragraphs) without the blank ones."""
    rows = (" ".join(row.split()) for row in clean_user_text(text).split("\n"))
    return "\n".join(row for row in rows if row)


# What a dialogue scene's drawn place is called, for a reader who cannot see it.
_PLACES = {
    "reception": N_("I en reception"),
    "office": N_("På ett kontor"),
    "break-room": N_("I fikarummet"),
    "meeting-room": N_("I ett mötesrum"),
    "classroom": N_("I ett klassrum"),
    "home": N_("Hemma i en soffa"),
    "corridor": N_("I en korridor"),
    "outdoors": N_("Utomhus, vid en bänk"),
}


def _names(names: list[str]) -> str:
    if len(names) < 2:
        return "".join(names)
    return _("{names} och {last}").format(names=", ".join(names[:-1]), last=names[-1])


def _dialogue_lines(scene: Scene, script: FilmScript) -> tuple[Line, ...]:
    """Where it happens and who is there, the narration, then each line by its speaker."""
    cast = script.characters
    lines: list[Line] = []
    if heading := _flowing(scene.heading):
        lines.append(Line(LineKind.HEADING, heading))
    place = _(_PLACES[scene.setting or "office"])
    names = _names([_flowing(cast[key].name) for key in scene.characters])
    lines.append(Line(LineKind.SCREEN, _("{place} – {names}").format(place=place, names=names)))
    if narration := _flowing(scene.narration):
        lines.append(Line(LineKind.NARRATION, narration))
    lines += [
        Line(LineKind.SPEECH, _flowing(x.say), _flowing(cast[x.who].name)) for x in scene.lines
    ]
    return tuple(lines)


def _scene_lines(scene: Scene, script: FilmScript) -> tuple[Line, ...]:
    if scene.is_dialogue:
        return _dialogue_lines(scene, script)
    lines: list[Line] = []
    heading = _flowing(scene.heading)
    if scene.illustration == "quote":
        lines.append(Line(LineKind.QUOTE, _card_text(scene.text), heading))
    else:
        if heading:
            lines.append(Line(LineKind.HEADING, heading))
        if text := _card_text(scene.text):
            lines.append(Line(LineKind.SCREEN, text))
    labels = [_flowing(label) for label in scene.labels]
    if labels := [label for label in labels if label]:
        lines.append(Line(LineKind.DRAWING, " · ".join(labels)))
    if narration := _flowing(scene.narration):
        lines.append(Line(LineKind.NARRATION, narration))
    return tuple(lines)


def transcript_from_script(script: FilmScript) -> Transcript:
    """Every scene's words in order; each chapter a section (the first scene starts one)."""
    sections: list[Section] = []
    title = ""
    passages: list[Passage] = []
    for scene in script.scenes:
        if scene.chapter is not None:
            if passages:
                sections.append(Section(title, tuple(passages)))
            title, passages = _flowing(scene.chapter.title), []
        if lines := _scene_lines(scene, script):
            passages.append(Passage(lines))
    if passages:
        sections.append(Section(title, tuple(passages)))
    return Transcript(_flowing(script.title), tuple(sections))


# --- from a file the author wrote ----------------------------------------------------------


def parse_written(text: str, title: str = "") -> Transcript:
    """A written transcript: ``#`` lines start sections, blank lines separate paragraphs.
    Anything else is shown as written, never as formatting."""
    sections: list[Section] = []
    heading = ""
    passages: list[Passage] = []
    paragraph: list[str] = []

    def end_paragraph() -> None:
        if paragraph:
            passages.append(Passage((Line(LineKind.WRITTEN, "\n".join(paragraph)),)))
            paragraph.clear()

    for row in clean_user_text(text).split("\n"):
        stripped = " ".join(row.split())
        if stripped.startswith("#"):
            end_paragraph()
            if passages or heading:
                sections.append(Section(heading, tuple(passages)))
            heading, passages = stripped.lstrip("#").strip(), []
        elif stripped:
            paragraph.append(stripped)
        else:
            end_paragraph()
    end_paragraph()
    if passages or heading:
        sections.append(Section(heading, tuple(passages)))
    return Transcript(" ".join(clean_user_text(title).split()), tuple(sections))


def _read_written(path: Path) -> str:
    try:
        if path.stat().st_size > MAX_TRANSCRIPT_BYTES:
            message = _("filmens text {path} är större än {kb} kB; korta den")
            raise TranscriptError(message.format(path=path, kb=MAX_TRANSCRIPT_BYTES // 1024))
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        message = _("filmens text {path} är inte sparad som UTF-8; spara om den som UTF-8")
        raise TranscriptError(message.format(path=path)) from None
    except OSError as error:
        message = _("filmens text {path} går inte att läsa ({error}); kontrollera filen")
        raise TranscriptError(message.format(path=path, error=error.strerror or error)) from None


# --- for a module --------------------------------------------------------------------------


def _inside(folder: Path, relative: str) -> Path | None:
    """A file of the module, or None when it is missing or lies outside the module folder
    (a manifest or a link must not make us read arbitrary files)."""
    try:
        root = folder.resolve()
        path = folder.joinpath(*PurePosixPath(relative).parts).resolve()
        return path if path.is_relative_to(root) and path.is_file() else None
    except (OSError, RuntimeError, ValueError):
        return None


def transcript_candidates(manifest: Manifest) -> tuple[str, ...]:
    """Where an author's transcript may lie, relative to the module folder: beside the film."""
    if manifest.film is None:
        return ()
    beside = PurePosixPath(manifest.film.file).parent
    return tuple(str(beside / name) for name in TRANSCRIPT_NAMES)


def written_transcript_file(manifest: Manifest, folder: Path) -> Path | None:
    """The author's transcript beside the film file, if there is one."""
    for relative in transcript_candidates(manifest):
        if (path := _inside(folder, relative)) is not None:
            return path
    return None


def load_transcript(manifest: Manifest, folder: Path) -> Transcript | None:
    """The module film's transcript: the written one, else the script's; None when the film
    has neither. Raises TranscriptError when the one it has cannot be read."""
    if manifest.film is None:
        return None
    written = written_transcript_file(manifest, folder)
    if written is not None:
        return parse_written(_read_written(written), manifest.title.sv)
    if manifest.film.script is None:
        return None
    script = _inside(folder, manifest.film.script)
    if script is None:
        return None
    try:
        return transcript_from_script(load_script(script))
    except ScriptError as error:
        message = _("filmens text kunde inte tas fram ur {path}: {error}")
        raise TranscriptError(message.format(path=script, error=error)) from None
