from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from facilitator.core.films.subtitles import (
    Chapter,
    Cue,
    SubtitleError,
    format_chapters,
    format_srt,
    format_vtt,
    parse_chapters,
    parse_srt,
    parse_subtitles,
    parse_vtt,
    read_chapters,
    read_subtitles,
    write_chapters,
    write_subtitles,
)

SRT = (
    "\ufeff1\r\n00:00:01,000 --> 00:00:04,500\r\nHej och välkomna!\r\nTvå rader.\r\n\r\n"
    "2\r\n00:00:05,250 --> 00:01:02,000\r\nÅ, Ä och Ö.\r\n"
)

VTT = """\ufeffWEBVTT - Svenska undertexter
Kind: captions
Language: sv

NOTE Det här är en kommentar
som går över två rader.

STYLE
::cue { color: yellow }

intro
00:01.000 --> 00:04.500 align:start position:10%
Hej och välkomna!
Två rader.

01:00:05.250 --> 01:01:02.000
Å, Ä och Ö.
"""


def test_parse_srt_tolerates_bom_crlf_and_numbers() -> None:
    cues = parse_srt(SRT)
    assert cues == [
        Cue(1.0, 4.5, "Hej och välkomna!\nTvå rader.", "1"),
        Cue(5.25, 62.0, "Å, Ä och Ö.", "2"),
    ]


def test_parse_vtt_tolerates_header_notes_styles_settings_and_missing_hours() -> None:
    cues = parse_vtt(VTT)
    assert cues == [
        Cue(1.0, 4.5, "Hej och välkomna!\nTvå rader.", "intro"),
        Cue(3605.25, 3662.0, "Å, Ä och Ö.", ""),
    ]


def test_parse_subtitles_decides_by_content() -> None:
    assert parse_subtitles(VTT)[0].identifier == "intro"
    assert parse_subtitles(SRT)[1].text == "Å, Ä och Ö."
    assert parse_subtitles("") == []


def test_srt_without_numbers_and_with_dot_milliseconds() -> None:
    cues = parse_srt("00:00:01.000 --> 00:00:02.000\nUtan nummer\n")
    assert cues == [Cue(1.0, 2.0, "Utan nummer", "")]


def test_write_formats() -> None:
    cues = [Cue(1.0, 4.5, "Hej\nrad två", "a"), Cue(3605.25, 3662.0, "Slut")]
    assert format_srt(cues) == (
        "1\n00:00:01,000 --> 00:00:04,500\nHej\nrad två\n\n2\n01:00:05,250 --> 01:01:02,000\nSlut\n"
    )
    assert format_vtt(cues) == (
        "WEBVTT\n\na\n00:00:01.000 --> 00:00:04.500\nHej\nrad två\n\n"
        "01:00:05.250 --> 01:01:02.000\nSlut\n"
    )


def test_writer_never_produces_a_broken_file() -> None:
    cue = Cue(0.0, 1.0, "första\n\nandra --> tredje", "id --> x")
    assert parse_vtt(format_vtt([cue])) == [Cue(0.0, 1.0, "första\nandra → tredje", "id → x")]
    assert parse_srt(format_srt([cue]))[0].text == "första\nandra --> tredje"
    with pytest.raises(ValueError):
        format_srt([Cue(-1.0, 1.0, "negativ")])


def test_files_round_trip(tmp_path: Path) -> None:
    cues = [Cue(0.5, 2.0, "Ett"), Cue(2.0, 3.25, "Två\nrader")]
    for name in ("film.sv.srt", "film.sv.vtt"):
        write_subtitles(tmp_path / name, cues)
        assert [(c.start, c.end, c.text) for c in read_subtitles(tmp_path / name)] == [
            (c.start, c.end, c.text) for c in cues
        ]
    assert b"\r" not in (tmp_path / "film.sv.vtt").read_bytes()


def test_chapters_round_trip(tmp_path: Path) -> None:
    chapters = [Chapter("inledning", "Inledning", 0.0, 12.5), Chapter("slut", "Slut", 12.5, 30)]
    text = format_chapters(chapters)
    assert text.startswith("WEBVTT\n\ninledning\n00:00:00.000 --> 00:00:12.500\nInledning\n")
    assert parse_chapters(text) == chapters
    write_chapters(tmp_path / "film.chapters.vtt", chapters)
    assert read_chapters(tmp_path / "film.chapters.vtt") == chapters


@pytest.mark.parametrize(
    ("text", "line", "fragment"),
    [
        ("00:00:01.000 --> 00:00:02.000\nHej\n", 1, "WEBVTT"),
        ("WEBVTT\n\n00:00:01.000 -> 00:00:02.000\nHej\n", 3, "ogiltig tidsangivelse"),
        ("WEBVTT\n\nid\nHej\n", 4, "tidsangivelse (start --> slut) saknas"),
        ("WEBVTT\n\nid\n00:00:01.000 --> 00:00:xx.000\nHej\n", 4, "ogiltig tidsangivelse"),
        ("WEBVTT\n\n00:00:05.000 --> 00:00:02.000\nHej\n", 3, "sluttiden"),
        ("WEBVTT\n\n\n\n00:61.000 --> 01:02.000\nHej\n", 5, "mindre än 60"),
        ("WEBVTT\n\n00:01.000 --> 00:02.000\nHej\n\nbara text\n", 6, "saknas"),
    ],
)
def test_malformed_vtt_reports_the_line(text: str, line: int, fragment: str) -> None:
    with pytest.raises(SubtitleError) as caught:
        parse_vtt(text)
    assert caught.value.line == line
    assert fragment in caught.value.message
    assert str(caught.value).startswith(f"Rad {line}:")


def test_malformed_srt_reports_the_line() -> None:
    text = "1\r\n00:00:01,000 --> 00:00:02,000\r\nHej\r\n\r\n2\r\n00:00:03,000 --> 0:00:04\r\nx\r\n"
    with pytest.raises(SubtitleError) as caught:
        parse_srt(text)
    assert caught.value.line == 6


def test_chapter_errors() -> None:
    with pytest.raises(SubtitleError, match="saknar id") as caught:
        parse_chapters("WEBVTT\n\n00:00.000 --> 00:10.000\nInledning\n")
    assert caught.value.line == 3
    twice = "WEBVTT\n\na\n00:00.000 --> 00:01.000\nA\n\na\n00:01.000 --> 00:02.000\nB\n"
    with pytest.raises(SubtitleError, match="mer än en gång") as caught:
        parse_chapters(twice)
    assert caught.value.line == 7


def test_non_utf8_file_is_a_subtitle_error(tmp_path: Path) -> None:
    path = tmp_path / "gammal.srt"
    path.write_bytes("1\n00:00:01,000 --> 00:00:02,000\nRäksmörgås\n".encode("latin-1"))
    with pytest.raises(SubtitleError, match="UTF-8") as caught:
        read_subtitles(path)
    assert caught.value.line == 3


# Text that looks enough like subtitles to reach the deeper branches of the parser.
_subtitle_like = st.text(
    alphabet=st.sampled_from(list("0123456789:.,-> \n\r\t\ufeffWEBVTNOSYLRGabcå٣")), max_size=300
)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=300), _subtitle_like))
def test_random_text_only_ever_raises_subtitle_error(text: str) -> None:
    for parse in (parse_srt, parse_vtt, parse_chapters, parse_subtitles):
        try:
            parse(text)
        except SubtitleError as error:
            assert error.line >= 1


_line = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=40
).filter(lambda s: s.strip() == s and s.strip() != "" and "-->" not in s)
_cue = st.builds(
    lambda start, length, lines, ident: Cue(
        start / 1000, (start + length) / 1000, "\n".join(lines), ident
    ),
    st.integers(0, 10 * 3600 * 1000),
    st.integers(0, 60_000),
    st.lists(_line, min_size=1, max_size=3),
    st.from_regex(r"[a-z][a-z0-9-]{0,10}", fullmatch=True).filter(
        lambda s: s not in ("note", "style", "region")
    ),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_cue, max_size=8))
def test_round_trips(cues: list[Cue]) -> None:
    assert parse_vtt(format_vtt(cues)) == cues
    assert [(c.start, c.end, c.text) for c in parse_srt(format_srt(cues))] == [
        (c.start, c.end, c.text) for c in cues
    ]
