"""Every message the code translates is in the catalogue, with an English translation.

Issue 17: "Ingen bildskärm hittades…" was added to the code but the catalogue was not
regenerated, and nothing noticed: the English app printed Swedish. The messages are read from
the source as pybabel's keywords see them (`_`, `N_`, `ngettext`; Makefile's `messages`)."""

from __future__ import annotations

import ast
from pathlib import Path

from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[3]
POT = ROOT / "resources" / "locale" / "facilitator.pot"
PO = ROOT / "resources" / "locale" / "en" / "LC_MESSAGES" / "facilitator.po"
KEYWORDS = {"_": 1, "N_": 1, "ngettext": 2}


def _name(call: ast.Call) -> str | None:
    if isinstance(call.func, ast.Name):
        return call.func.id
    return call.func.attr if isinstance(call.func, ast.Attribute) else None


def code_messages() -> tuple[dict[str | tuple[str, str], str], list[str]]:
    """(message → where, mistakes): a message is a string, or a (singular, plural) pair."""
    found: dict[str | tuple[str, str], str] = {}
    mistakes: list[str] = []
    for path in sorted((ROOT / "facilitator").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or _name(node) not in KEYWORDS:
                continue
            where = f"{path.relative_to(ROOT)}:{node.lineno}"
            arguments = node.args[: KEYWORDS[_name(node) or ""]]
            if any(isinstance(a, ast.JoinedStr | ast.BinOp) for a in arguments):
                # The extractor takes neither an f-string nor "a" + "b": nothing is translated.
                mistakes.append(where)
            texts = [a.value for a in arguments if isinstance(a, ast.Constant)]
            if len(texts) != len(arguments) or not all(isinstance(t, str) for t in texts):
                continue  # a variable: its text is marked with N_ where it is defined
            found[texts[0] if len(texts) == 1 else (texts[0], texts[1])] = where
    return found, mistakes


def catalogue(path: Path) -> dict[str | tuple[str, str], str | tuple[str, ...]]:
    with path.open("rb") as handle:
        entries = read_po(handle)
    return {
        (m.id if isinstance(m.id, str) else tuple(m.id)): m.string  # type: ignore[misc]
        for m in entries
        if m.id and not m.fuzzy
    }


def test_the_extractor_can_read_every_message() -> None:
    _found, mistakes = code_messages()
    assert mistakes == []


def test_every_message_is_in_the_template() -> None:
    found, _mistakes = code_messages()
    template = catalogue(POT)
    missing = {where: message for message, where in found.items() if message not in template}
    assert missing == {}, "run `make messages`"


def test_every_message_has_an_english_translation() -> None:
    found, _mistakes = code_messages()
    english = catalogue(PO)
    untranslated = {
        where: message
        for message, where in found.items()
        if not (english.get(message) and all(english[message]))
    }
    assert untranslated == {}, "run `make messages` and translate in the .po"
