"""SRT and WebVTT subtitles and WebVTT chapters: parse and write.

Pure and small on purpose: the module validator, the player and the film renderer all use it,
and none of them should pull in more than the standard library to read a subtitle file.
Parsing is tolerant of what real files contain (BOM, CRLF, cue settings, missing hours, cue
identifiers) and strict about what would make the film play wrong (bad or backwards times).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from facilitator.core.i18n import _

__all__ = [
    "Chapter",
    "Cue",
    "SubtitleError",
    "format_chapters",
    "format_srt",
    "format_subtitles",
    "format_vtt",
    "parse_chapters",
    "parse_srt",
    "parse_subtitles",
    "parse_vtt",
    "read_chapters",
    "read_subtitles",
    "write_chapters",
    "write_subtitles",
]


@dataclass(frozen=True)
class Cue:
    start: float
    end: float
    text: str
    identifier: str = ""


@dataclass(frozen=True)
class Chapter:
    id: str
    title: str
    start: float
    end: float


class SubtitleError(ValueError):
    """A subtitle or chapter file that cannot be used. ``line`` is 1-based."""

    def __init__(self, message: str, line: int) -> None:
        self.message = message
        self.line = line
        super().__init__(_("Rad {line}: {message}").format(line=line, message=message))


# ASCII digits only: int() accepts other scripts' digits, which no player would.
# Hours are capped so that a garbage number cannot overflow a float.
_TIME = r"(?:([0-9]{1,6}):)?([0-9]{2}):([0-9]{2})[.,]([0-9]{3})"
_TIMING = re.compile(rf"^[ \t]*{_TIME}[ \t]*-->[ \t]*{_TIME}(?:[ \t]+(.*))?[ \t]*$")
# A line that starts like a time is a timing line gone wrong, not a cue identifier.
_STARTS_TIMED = re.compile(rf"^[ \t]*{_TIME}")
_VTT_HEADER = re.compile(r"^WEBVTT(?:[ \t].*)?$")
_BLOCK_KEYWORD = re.compile(r"^(?:NOTE|STYLE|REGION)(?:[ \t].*)?$")


def _lines(text: str) -> list[str]:
    # Not str.splitlines(): it also splits on form feeds and U+2028, which would shift the
    # line numbers we report away from what the author's editor shows.
    text = text.removeprefix("\ufeff")
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def _blocks(lines: list[str], first: int = 0) -> Iterator[tuple[int, list[str]]]:
    """Yield (0-based index of the first line, lines) for each blank-line separated block."""
    block: list[str] = []
    start = first
    for index in range(first, len(lines)):
        line = lines[index]
        if line.strip():
            if not block:
                start = index
            block.append(line.rstrip())
        elif block:
            yield start, block
            block = []
    if block:
        yield start, block


def _seconds(groups: Sequence[str | None]) -> tuple[float, str | None]:
    hours, minutes, seconds, millis = groups
    if int(minutes or 0) > 59 or int(seconds or 0) > 59:
        return 0.0, _("minuter och sekunder måste vara mindre än 60")
    total_ms = ((int(hours or 0) * 60 + int(minutes or 0)) * 60 + int(seconds or 0)) * 1000
    return (total_ms + int(millis or 0)) / 1000, None


def _timing(line: str, number: int) -> tuple[float, float]:
    match = _TIMING.match(line)
    if match is None:
        if "-->" in line or _STARTS_TIMED.match(line):
            raise SubtitleError(
                _("ogiltig tidsangivelse, skriv till exempel 00:01:02.500 --> 00:01:05.000"),
                number,
            )
        raise SubtitleError(_("en tidsangivelse (start --> slut) saknas"), number)
    start, problem = _seconds(match.groups()[0:4])
    end, problem_end = _seconds(match.groups()[4:8])
    if problem or problem_end:
        raise SubtitleError(problem or problem_end or "", number)
    if end < start:
        raise SubtitleError(_("sluttiden ligger före starttiden"), number)
    return start, end


def _cue(block: list[str], first_line: int) -> Cue:
    """One block: an optional identifier line, the timing line, then the text lines."""
    if "-->" in block[0] or _STARTS_TIMED.match(block[0]):
        identifier, timing_index = "", 0
    elif len(block) > 1:
        identifier, timing_index = block[0].strip(), 1
    else:
        raise SubtitleError(_("en tidsangivelse (start --> slut) saknas"), first_line + 1)
    start, end = _timing(block[timing_index], first_line + timing_index + 1)
    return Cue(start, end, "\n".join(block[timing_index + 1 :]), identifier)


def _parse_srt_numbered(text: str) -> list[tuple[int, Cue]]:
    return [(first + 1, _cue(block, first)) for first, block in _blocks(_lines(text))]


def _parse_vtt_numbered(text: str) -> list[tuple[int, Cue]]:
    lines = _lines(text)
    if not _VTT_HEADER.match(lines[0]):
        raise SubtitleError(_("en WebVTT-fil måste börja med WEBVTT"), 1)
    # The header runs to the first blank line (metadata such as "Kind: captions").
    body = 1
    while body < len(lines) and lines[body].strip() and "-->" not in lines[body]:
        body += 1
    cues: list[tuple[int, Cue]] = []
    for first, block in _blocks(lines, body):
        if _BLOCK_KEYWORD.match(block[0]) and "-->" not in block[0]:
            continue
        cues.append((first + 1, _cue(block, first)))
    return cues


def parse_srt(text: str) -> list[Cue]:
    return [cue for _line, cue in _parse_srt_numbered(text)]


def parse_vtt(text: str) -> list[Cue]:
    return [cue for _line, cue in _parse_vtt_numbered(text)]


def parse_subtitles(text: str) -> list[Cue]:
    """SRT or WebVTT, decided by the content (a WEBVTT header) rather than the file name."""
    if _lines(text)[0].startswith("WEBVTT"):
        return parse_vtt(text)
    return parse_srt(text)


def _timestamp(seconds: float, separator: str) -> str:
    if seconds < 0:
        raise ValueError(f"negative subtitle time: {seconds}")
    total_ms = round(seconds * 1000)
    hours, rest = divmod(total_ms, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    secs, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}{separator}{millis:03d}"


def _clean_text(text: str, *, vtt: bool) -> str:
    # A blank line would end the cue early and "-->" inside a WebVTT cue is not allowed;
    # neither can be meant by a writer, so they are dropped rather than written broken.
    lines = [line.rstrip() for line in _lines(text) if line.strip()]
    if vtt:
        lines = [line.replace("-->", "→") for line in lines]
    return "\n".join(lines)


def _clean_id(identifier: str) -> str:
    return " ".join(identifier.replace("-->", "→").split())


def format_srt(cues: Sequence[Cue]) -> str:
    parts = []
    for number, cue in enumerate(cues, start=1):
        timing = f"{_timestamp(cue.start, ',')} --> {_timestamp(cue.end, ',')}"
        text = _clean_text(cue.text, vtt=False)
        parts.append(f"{number}\n{timing}\n{text}\n" if text else f"{number}\n{timing}\n")
    return "\n".join(parts)


def format_vtt(cues: Sequence[Cue]) -> str:
    parts = ["WEBVTT\n"]
    for cue in cues:
        identifier = _clean_id(cue.identifier)
        head = f"{identifier}\n" if identifier else ""
        timing = f"{_timestamp(cue.start, '.')} --> {_timestamp(cue.end, '.')}"
        text = _clean_text(cue.text, vtt=True)
        parts.append(f"{head}{timing}\n{text}\n" if text else f"{head}{timing}\n")
    return "\n".join(parts)


def format_subtitles(cues: Sequence[Cue], suffix: str) -> str:
    return format_srt(cues) if suffix.lower() == ".srt" else format_vtt(cues)


def parse_chapters(text: str) -> list[Chapter]:
    """A WebVTT chapters file: each cue's identifier is the chapter id, its text the title."""
    chapters: list[Chapter] = []
    seen: set[str] = set()
    for line, cue in _parse_vtt_numbered(text):
        if not cue.identifier:
            raise SubtitleError(_("kapitlet saknar id (raden före tidsangivelsen)"), line)
        if cue.identifier in seen:
            message = _("kapitel-id {id} förekommer mer än en gång").format(id=cue.identifier)
            raise SubtitleError(message, line)
        title = " ".join(cue.text.split())
        if not title:
            raise SubtitleError(_("kapitlet saknar rubrik"), line)
        seen.add(cue.identifier)
        chapters.append(Chapter(cue.identifier, title, cue.start, cue.end))
    return chapters


def format_chapters(chapters: Sequence[Chapter]) -> str:
    return format_vtt([Cue(c.start, c.end, c.title, c.id) for c in chapters])


def _read_text(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        # Old SRT files are often Latin-1; say so instead of showing a codec traceback.
        line = data[: error.start].count(b"\n") + 1
        raise SubtitleError(_("filen är inte sparad som UTF-8"), line) from error


def read_subtitles(path: Path) -> list[Cue]:
    text = _read_text(path)
    return parse_srt(text) if path.suffix.lower() == ".srt" else parse_vtt(text)


def write_subtitles(path: Path, cues: Sequence[Cue]) -> None:
    path.write_text(format_subtitles(cues, path.suffix), encoding="utf-8", newline="\n")


def read_chapters(path: Path) -> list[Chapter]:
    return parse_chapters(_read_text(path))


def write_chapters(path: Path, chapters: Sequence[Chapter]) -> None:
    path.write_text(format_chapters(chapters), encoding="utf-8", newline="\n")
