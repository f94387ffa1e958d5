"""One set of conversation rules: the R card's words are the ones every bundled module teaches.

A real-keys run found Grund 1's welcome card listing four rules ("Ge och ta plats" …) while R
showed five others ("Ge och ta utrymme", "…stannar här"). A module's text lists the rules as a
list, as sub-headings or as bold leads under a heading that names them (a Markdown heading or a
bold line, "**Våra samtalsregler**"); the film script's scene heading counts as a heading.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

from facilitator.core.markdown.blocks import Block, BlockKind, parse
from facilitator.core.paths import bundled_modules_dir
from facilitator.core.presentation.cards import CONVERSATION_RULES, rules_card

NAMES_THE_RULES = "samtalsregl"
MODULES = sorted(p for p in bundled_modules_dir().iterdir() if (p / "module.toml").is_file())


def is_bold_line(block: Block) -> bool:
    return block.kind is BlockKind.PARAGRAPH and all(span.bold for span in block.spans)


def starts_section(block: Block) -> bool:
    return (block.kind is BlockKind.HEADING or is_bold_line(block)) and (
        NAMES_THE_RULES in block.text.lower()
    )


def ends_section(head: Block, block: Block) -> bool:
    if head.kind is BlockKind.HEADING:
        return block.kind is BlockKind.HEADING and block.level <= head.level
    return block.kind is BlockKind.HEADING or is_bold_line(block)


def rule_of(head: Block, block: Block) -> str | None:
    """The rule a block in the section names: a list item, a sub-heading, or a paragraph's
    bold lead ("**Lyssna för att förstå.** Vi lyssnar …"); None for anything else."""
    if block.kind is BlockKind.ITEM and block.level == 1:
        return block.text.strip()
    if block.kind is BlockKind.HEADING and head.kind is BlockKind.HEADING:
        return block.text.strip()
    if block.kind is BlockKind.PARAGRAPH and len(block.spans) > 1 and block.spans[0].bold:
        return block.spans[0].text.strip().rstrip(".")
    return None


def rule_lists(markdown: str) -> Iterator[list[str]]:
    blocks = parse(markdown)
    for start, head in enumerate(blocks):
        if not starts_section(head):
            continue
        rules: list[str] = []
        for block in blocks[start + 1 :]:
            if ends_section(head, block):
                break
            rule = rule_of(head, block)
            if rule is not None:
                rules.append(rule)
        if rules:
            yield rules


def texts(value: object) -> Iterator[str]:
    """Every text in a TOML document; a film scene's heading is its text's heading."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from texts(item)
    elif isinstance(value, dict):
        if isinstance(value.get("heading"), str) and isinstance(value.get("text"), str):
            yield f"# {value['heading']}\n\n{value['text']}"
        for item in value.values():
            yield from texts(item)


def module_rule_lists(folder: Path) -> Iterator[tuple[str, list[str]]]:
    for path in sorted(folder.rglob("*")):
        where = str(path.relative_to(folder.parent))
        if path.suffix == ".toml":
            for text in texts(tomllib.loads(path.read_text(encoding="utf-8"))):
                for rules in rule_lists(text):
                    yield where, rules
        elif path.suffix == ".md":
            for rules in rule_lists(path.read_text(encoding="utf-8")):
                yield where, rules


def test_the_r_card_shows_the_rules() -> None:
    assert rules_card().items == CONVERSATION_RULES


@pytest.mark.parametrize("folder", MODULES, ids=[p.name for p in MODULES])
def test_a_module_that_lists_the_rules_uses_the_apps_words(folder: Path) -> None:
    for where, rules in module_rule_lists(folder):
        assert tuple(rules) == CONVERSATION_RULES, f"{where} lists other rules"


def test_the_rules_are_found_where_the_leader_reads_them() -> None:
    """The check looks where the rules are: every module's welcome card, and the leader's
    guide's text and handout. (The guide's film shows two leaders at work since the second
    edition; it names no rules, so there is nothing there to disagree.)"""
    found = {where for folder in MODULES for where, _rules in module_rule_lists(folder)}
    assert {f"{folder.name}/module.toml" for folder in MODULES} <= found
    guide = "00-vagledning-for-samtalsledaren"
    assert {
        f"{guide}/texts/introduktion.md",
        f"{guide}/printables/samtalsregler.md",
    } <= found
