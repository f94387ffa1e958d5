"""One word per kind of reflection, wherever the leader meets it: the console's buttons and list,
the closing page, the summary PDF (read back with pypdf) and the CSV — in Swedish and English.

Issue 14: the console said "Kom tillbaka till" where the PDF said "Parkerad fråga"."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel

from facilitator.core import glossary, i18n
from facilitator.core.application.reflection_ledger import LedgerEntry, SaveState, StepReflections
from facilitator.core.content.kinds import StepKind
from facilitator.core.export.csv_export import read_csv, write_session_csv
from facilitator.core.export.gather import gather_session
from facilitator.core.export.summary_pdf import write_summary_pdf
from facilitator.core.i18n import _
from facilitator.core.presentation.cards import break_card
from facilitator.core.storage.records import ReflectionKind
from facilitator.ui.console.closeout_pages import ParkingLotPage
from facilitator.ui.widgets.key_help import KeyHelp
from facilitator.ui.widgets.reflection_panel import ReflectionPanel
from tests.conftest import ROOT
from tests.core.export import pdf_tools
from tests.core.export.sample_data import add_session, example_manifests, open_sample_db
from tests.ui.test_reflection_panel import record

WORDS = {
    "sv": {
        ReflectionKind.NOTE: "Anteckning",
        ReflectionKind.QUOTE: "Citat",
        ReflectionKind.PARKING: "Återkomma till",
        ReflectionKind.ACTION: "Överenskommelse",
    },
    "en": {
        ReflectionKind.NOTE: "Note",
        ReflectionKind.QUOTE: "Quote",
        ReflectionKind.PARKING: "Come back to",
        ReflectionKind.ACTION: "Agreed action",
    },
}


@pytest.fixture(params=["sv", "en"])
def language(request: pytest.FixtureRequest) -> str:
    i18n.activate(request.param, ROOT / "resources" / "locale")
    return str(request.param)


def test_every_place_uses_the_glossary_words(qtbot, tmp_path: Path, language: str) -> None:
    words = WORDS[language]
    assert {kind: kind.label for kind in ReflectionKind} == words
    assert {kind: _(glossary.REFLECTION_KINDS[kind.value].word) for kind in ReflectionKind} == words

    # The console: the kind buttons and the heads of the saved rows.
    panel = ReflectionPanel()
    qtbot.addWidget(panel)
    for kind, word in words.items():
        assert panel._kind_buttons[kind].text().removeprefix("✓ ") == word
    panel.show_reflections(
        StepReflections(
            "m/prompt",
            tuple(
                LedgerEntry(record(f"r-{kind.value}", kind, "text"), SaveState.SAVED)
                for kind in ReflectionKind
            ),
            SaveState.SAVED,
        )
    )
    assert panel.list.heads() == list(words.values())

    # The closing page's two lists.
    closing = ParkingLotPage()
    qtbot.addWidget(closing)
    assert closing.parking.accessibleName() == words[ReflectionKind.PARKING]
    assert closing.agreements.accessibleName() == ReflectionKind.ACTION.heading

    # The key overlay names the four kinds in the order of Ctrl+1 … Ctrl+4.
    overlay = KeyHelp()
    qtbot.addWidget(overlay)
    listing = ", ".join(word.lower() for word in words.values())
    assert any(listing in label.text() for label in overlay.findChildren(QLabel))

    # The summary PDF and the CSV, made from a real database file.
    db = open_sample_db(tmp_path / "data")
    try:
        session = gather_session(db.repo, add_session(db), example_manifests())
    finally:
        db.close()
    pdf = " ".join(pdf_tools.pypdf_text(write_summary_pdf(session, tmp_path / "s.pdf")).split())
    for word in words.values():
        # Each step's reflections are headed by kind and count: "Citat (2)".
        assert re.search(rf"{re.escape(word)} \(\d+\)", pdf), (word, pdf)
    assert ReflectionKind.ACTION.heading in pdf
    assert ReflectionKind.ACTION.label.upper() in pdf
    rows = read_csv(write_session_csv(session, tmp_path)[0])
    assert {(row["typ"], row["typ_text"]) for row in rows} == {
        (kind.value, word) for kind, word in words.items()
    }


def test_the_retired_words_are_gone(language: str) -> None:
    retired = {"Kom tillbaka till", "Parkerad fråga", "Överenskommen åtgärd", "Parked question"}
    shown = {kind.label for kind in ReflectionKind} | {kind.heading for kind in ReflectionKind}
    assert not shown & retired


def test_pause_and_break_are_two_words(language: str) -> None:
    pause, rest = {"sv": ("Paus", "Rast"), "en": ("Pause", "Break")}[language]
    assert _(glossary.PAUSE) == pause
    assert StepKind.BREAK.label == rest
    assert break_card(10).heading == rest
