"""The film's words as text: built from every bundled module's script, checked against what the
rendered film itself says (its subtitles) and shows (its chapters); a transcript the author
wrote for a film made elsewhere; and a source that cannot be read."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from facilitator.core.content.loader import load_manifest
from facilitator.core.content.manifest import Manifest
from facilitator.core.films.script import parse_script
from facilitator.core.films.subtitles import read_chapters, read_subtitles
from facilitator.core.films.transcript import (
    LineKind,
    TranscriptError,
    load_transcript,
    parse_written,
    transcript_from_script,
)

ROOT = Path(__file__).resolve().parents[3]
BUNDLED = sorted(p for p in (ROOT / "modules").iterdir() if (p / "module.toml").is_file())


def _manifest(folder: Path) -> Manifest:
    manifest = load_manifest(folder).manifest
    assert manifest is not None
    return manifest


def test_all_nine_bundled_modules_are_checked() -> None:
    assert len(BUNDLED) == 9


@pytest.mark.parametrize("folder", BUNDLED, ids=lambda p: p.name[:2])
def test_a_bundled_films_transcript_says_what_the_film_says_in_order(folder: Path) -> None:
    manifest = _manifest(folder)
    transcript = load_transcript(manifest, folder)
    assert transcript is not None
    assert manifest.film is not None
    # Spoken: word for word what the film's subtitles say, in the same order.
    spoken = (LineKind.NARRATION, LineKind.SPEECH)
    said = " ".join(line.text for line in transcript.lines if line.kind in spoken)
    subtitles = read_subtitles(folder / manifest.film.subtitles[0].file)
    # A cue holding two people's lines marks each with a dash, which the transcript does not
    # need (it names who speaks); a dash inside a sentence is compared by the words around it.
    heard = [word for cue in subtitles for word in cue.text.split() if word != "–"]
    assert [word for word in said.split() if word != "–"] == heard
    # Chapters as sections, in the film's order, with the film's titles.
    chapters = read_chapters(folder / (manifest.film.chapters or ""))
    assert [s.title for s in transcript.sections] == [c.title for c in chapters]
    assert all(section.passages for section in transcript.sections)
    # Shown: every heading, card text and drawing label of the script, in order.
    script = parse_script((folder / (manifest.film.script or "")).read_text(encoding="utf-8"))
    shown = [line.text for line in transcript.lines if line.kind not in spoken]
    expected: list[str] = []
    for scene in script.scenes:
        if scene.is_dialogue:
            expected += [w for w in (" ".join(scene.heading.split()),) if w]
            names = [script.characters[key].name for key in scene.characters]
            expected.append(names[-1] if len(names) < 2 else ", ".join(names[:-1]))
        elif scene.illustration == "quote":
            expected.append(" ".join(scene.text.split()))
        else:
            expected += [w for w in (" ".join(scene.heading.split()),) if w]
            expected += [w for w in ("\n".join(scene.text.split("\n")).strip(),) if w]
        if scene.labels:
            expected.append(" · ".join(scene.labels))
    assert len(shown) == len(expected)
    for got, want in zip(shown, expected, strict=True):
        # A dialogue scene's place line holds its people: "På ett kontor – Lena och Yusuf".
        assert " ".join(want.split()) in " ".join(got.split())
    text = transcript.plain_text()
    assert text.startswith(script.title)
    assert text.index(chapters[0].title) < text.index(chapters[-1].title)
    assert f"## {chapters[-1].title}" in transcript.markdown()


SCRIPT = '''
title = "Ett möte"
[[scenes]]
chapter = { id = "start", title = "Början" }
heading = "Hej *alla*"
text = """
- en punkt
- <b>två</b>
"""
illustration = "two-circles"
labels = ["Jag", "Du", "Vi"]
narration = """
Två människor möts.
De hälsar.
"""

[[scenes]]
chapter = { id = "slut", title = "Slutet" }
illustration = "quote"
text = "Lyssna för att förstå."
heading = "Samtalsledaren"
duration = 5
'''


def test_a_scenes_lines_are_labelled_and_markdown_shows_text_as_written() -> None:
    transcript = transcript_from_script(parse_script(SCRIPT))
    assert [s.title for s in transcript.sections] == ["Början", "Slutet"]
    first, quote = transcript.sections[0].passages[0], transcript.sections[1].passages[0]
    assert [line.kind for line in first.lines] == [
        LineKind.HEADING,
        LineKind.SCREEN,
        LineKind.DRAWING,
        LineKind.NARRATION,
    ]
    assert first.lines[3].text == "Två människor möts. De hälsar."
    assert quote.lines[0].plain() == "Citat: ”Lyssna för att förstå.” – Samtalsledaren"
    plain = transcript.plain_text()
    assert "Bildens text: Jag · Du · Vi" in plain
    assert "På bilden: - en punkt\n- <b>två</b>" in plain
    markdown = transcript.markdown()
    assert "Hej \\*alla\\*" in markdown  # no emphasis from the script's text
    assert "\\<b\\>två\\</b\\>" in markdown  # no HTML either
    assert "\\- en punkt" in markdown  # a card's bullet is not turned into a list


def _example_with_film(tmp_path: Path) -> tuple[Manifest, Path]:
    folder = tmp_path / "modul"
    shutil.copytree(ROOT / "docs" / "examples" / "example-module", folder)
    (folder / "film").mkdir(exist_ok=True)
    return _manifest(folder), folder


def test_a_written_transcript_for_a_film_made_elsewhere(tmp_path: Path) -> None:
    manifest, folder = _example_with_film(tmp_path)
    assert load_transcript(manifest, folder) is None  # neither a script nor a transcript
    written = (
        "Intro utan rubrik.\r\n\r\n# Inledning\nAnna: Hej.\x07\nBo: Hej!\n\n## Slut\n*Tack.*\n"
    )
    (folder / "film" / "transcript.md").write_text(written, encoding="utf-8")
    transcript = load_transcript(manifest, folder)
    assert transcript is not None
    assert [s.title for s in transcript.sections] == ["", "Inledning", "Slut"]
    assert transcript.sections[1].passages[0].lines[0].text == "Anna: Hej.\nBo: Hej!"
    assert transcript.plain_text() == (
        "Exempelmodul\n\nIntro utan rubrik.\n\n\nInledning\n\nAnna: Hej.\nBo: Hej!\n\n\n"
        "Slut\n\n*Tack.*\n"
    )
    assert "\\*Tack.\\*" in transcript.markdown()


def test_a_txt_transcript_and_the_written_one_wins_over_a_script(tmp_path: Path) -> None:
    manifest, folder = _example_with_film(tmp_path)
    (folder / "film" / "script.toml").write_text(SCRIPT, encoding="utf-8")
    assert load_transcript(manifest, folder).sections[0].title == "Början"  # type: ignore[union-attr]
    (folder / "film" / "transcript.txt").write_text("Den riktiga filmens ord.", encoding="utf-8")
    transcript = load_transcript(manifest, folder)
    assert transcript is not None
    assert transcript.lines[0].text == "Den riktiga filmens ord."


def test_an_unreadable_source_is_a_plain_swedish_error_naming_the_file(tmp_path: Path) -> None:
    manifest, folder = _example_with_film(tmp_path)
    (folder / "film" / "script.toml").write_text('title = "x"\n', encoding="utf-8")
    with pytest.raises(TranscriptError, match=r"script\.toml.*scenes"):
        load_transcript(manifest, folder)
    (folder / "film" / "transcript.md").write_bytes(b"\xff\xfe trasig")
    with pytest.raises(TranscriptError, match=r"transcript\.md är inte sparad som UTF-8"):
        load_transcript(manifest, folder)


def test_a_transcript_link_leaving_the_module_is_not_followed(tmp_path: Path) -> None:
    manifest, folder = _example_with_film(tmp_path)
    secret = tmp_path / "hemligt.txt"
    secret.write_text("lösenord", encoding="utf-8")
    (folder / "film" / "transcript.md").symlink_to(secret)
    assert load_transcript(manifest, folder) is None


def test_parse_written_keeps_an_empty_text_empty() -> None:
    assert parse_written("\n\n").sections == ()
