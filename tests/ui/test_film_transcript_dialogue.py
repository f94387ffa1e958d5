"""The console's film text (T) shows a dialogue scene's lines with their speakers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from facilitator.ui.console.film_transcript import FilmTranscriptWindow
from tests.core.films.test_dialogue_script import DIALOGUE
from tests.ui.film_rig import FILM, example_with_film, film_rig


def test_t_shows_who_says_what(qtbot: Any, tmp_path: Path) -> None:
    folder = example_with_film(tmp_path)
    (folder / "film" / "script.toml").write_text(DIALOGUE, encoding="utf-8")
    made = film_rig(qtbot, folder)
    made.rig.jump(FILM)
    qtbot.keyClick(made.console, Qt.Key.Key_T)
    window = made.console.findChild(FilmTranscriptWindow)
    assert isinstance(window, FilmTranscriptWindow) and window.isVisible()
    text = window.text.toPlainText()
    assert "Erik: Hej! Vem är du?" in text and "Samira: Jag heter Samira." in text
