"""The quick card read never disagrees with a full parse: it answers the same or not at all."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from facilitator.core.content.card_reader import read_card
from facilitator.core.content.entry import card_fields
from facilitator.core.content.loader import parse_manifest

from .conftest import EXAMPLE

TEXT = (EXAMPLE / "module.toml").read_text(encoding="utf-8")


def full_card(text: str) -> dict[str, Any]:
    loaded = parse_manifest(text, Path("m"))
    assert loaded.manifest is not None, loaded.problems
    return card_fields(loaded)


def test_the_example() -> None:
    assert read_card(TEXT) == full_card(TEXT)


def test_headers_inside_texts_and_comments_are_not_headers() -> None:
    tricky = TEXT.replace(
        'body = """\nVälkomna till dagens samtal!\n"""',
        'body = """\n[title]\nsv = "Fel titel"\n[[variants]]\nminutes = 999\n\\"""\n"""',
    ).replace("[summary]", '# a comment with """ in it\n  [ summary ]  # indented')
    assert tricky != TEXT
    assert read_card(tricky) == full_card(tricky)


def test_inline_and_dotted_tables() -> None:
    inline = TEXT.replace('[title]\nsv = "Exempelmodul"\nen = "Example module"\n', "")
    inline = inline.replace(
        "schema_version = 1", 'schema_version = 1\ntitle = { sv = "Inline", en = "In line" }'
    )
    assert read_card(inline) == full_card(inline)


def test_a_broken_card_asks_for_the_full_parse() -> None:
    assert read_card(TEXT.replace('sv = "Exempelmodul"', 'sv = ""')) is None
    assert read_card(TEXT.replace('version = "1.0.0"', "version = 1")) is None
    assert read_card('id = "x') is None


@settings(max_examples=80, deadline=None)
@given(st.data())
def test_edited_manifests_never_give_a_different_card(data: st.DataObject) -> None:
    text = TEXT
    for _ in range(data.draw(st.integers(1, 4))):
        start = data.draw(st.integers(0, len(text)))
        end = data.draw(st.integers(start, min(len(text), start + 12)))
        insert = data.draw(st.sampled_from(['"""', "'''", "\n[", "[title]\n", "#", "\n", "x"]))
        text = text[:start] + insert + text[end:]
    card = read_card(text)
    if card is None:
        return
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return  # the check will report the syntax error; the card itself was readable
    assert card["id"] == raw["id"]
    assert card["version"] == raw["version"]
    assert (card["title_sv"], card["title_en"]) == (raw["title"]["sv"], raw["title"]["en"])
    assert card["variant_minutes"] == sorted(v["minutes"] for v in raw["variants"])


def test_windows_line_endings() -> None:
    crlf = TEXT.replace("\n", "\r\n")
    assert read_card(crlf) == full_card(crlf)


def test_goal_tables_and_variant_notes_keep_the_quick_read() -> None:
    # The example has goals as inline tables and a [variants.leader_notes_override] table.
    assert "requires" in TEXT and "[variants.leader_notes_override]" in TEXT
    assert read_card(TEXT) is not None
    inline = TEXT.replace(
        '[variants.leader_notes_override]\n"samtal-1" = """\n',
        'leader_notes_override = { "samtal-1" = """\n[[variants]]\nminutes = 999\n',
    ).replace('vill ta med sig.\n"""\n', 'vill ta med sig.\n""" }\n')
    assert inline != TEXT
    card = read_card(inline)
    assert card is not None and card == full_card(inline)
    assert 999 not in card["variant_minutes"]


def test_self_study_tables_keep_the_quick_read() -> None:
    # The example has a [self_study] table and [steps.self_study] tables (issue 19).
    assert "\n[self_study]\n" in TEXT and "\n[steps.self_study]" in TEXT
    assert read_card(TEXT) == full_card(TEXT)
    # A header-like line inside the introduction's text is text, not a table.
    tricky = TEXT.replace(
        'introduction = """\n', 'introduction = """\n[title]\nsv = "Fel titel"\n[[variants]]\n'
    )
    assert tricky != TEXT
    card = read_card(tricky)
    assert card is not None and card == full_card(tricky)
    assert card["title_sv"] == "Exempelmodul"


def test_an_inline_self_study_table_at_the_top() -> None:
    start = TEXT.index("[self_study]")
    end = TEXT.index('"""\n', TEXT.index('introduction = """', start) + 20) + 4
    inline = TEXT[:start] + TEXT[end:]
    inline = inline.replace(
        "schema_version = 1",
        'schema_version = 1\nself_study = { introduction = "Ensam [title] en timme." }',
    )
    card = read_card(inline)
    assert card is not None and card == full_card(inline)
