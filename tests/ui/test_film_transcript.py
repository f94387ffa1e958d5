"""The film's words from the console: T (or "Filmens text") on a film step opens a window with
the transcript as plain, named, focusable text; Esc closes it and the keyboard is back where it
was, so the clicker steers the session again. With a recording player and the real console."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QPushButton

from facilitator.ui.console.film_transcript import FilmTranscriptWindow
from facilitator.ui.widgets.key_help import KEYS
from tests.ui.film_rig import FILM, FilmRig, example_with_film, film_rig

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "modules" / "01-grund-1-vad-ar-kultur" / "film" / "script.toml"
NARRATION = "Lena och Yusuf gjorde båda det som var rätt enligt sina egna osynliga regler."


def _on_film_step(qtbot: Any, tmp_path: Path, with_script: bool = True) -> FilmRig:
    folder = example_with_film(tmp_path)
    if with_script:
        shutil.copyfile(SCRIPT, folder / "film" / "script.toml")
    made = film_rig(qtbot, folder)
    made.rig.jump(FILM)
    made.console.next_button.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is made.console.next_button)
    return made


def _window(made: FilmRig) -> FilmTranscriptWindow:
    window = made.console.findChild(FilmTranscriptWindow)
    assert isinstance(window, FilmTranscriptWindow)
    return window


def test_t_opens_the_film_text_and_esc_gives_the_keys_back(qtbot: Any, tmp_path: Path) -> None:
    made = _on_film_step(qtbot, tmp_path)
    console = made.console
    qtbot.keyClick(console, Qt.Key.Key_T)  # a real key press, through the console's shortcut
    window = _window(made)
    assert window.isVisible() and not window.isModal()
    text = window.text.toPlainText()
    assert "En arbetsplats" in text and NARRATION in " ".join(text.split())
    assert window.heading.text() == "Vad är kultur?"
    # Named, focusable, read-only text that a screen reader can walk through.
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.text)
    assert window.text.accessibleName() == "Filmens text"
    assert window.text.isReadOnly() and window.text.tabChangesFocus()
    assert window.text.focusPolicy() != Qt.FocusPolicy.NoFocus
    assert made.rig.engine.current_key == FILM  # the session went on behind it
    qtbot.keyClick(window.text, Qt.Key.Key_Escape)
    assert not window.isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is console.next_button)
    assert console.isActiveWindow()
    qtbot.keyClick(console, Qt.Key.Key_PageDown)  # the clicker's Next steers again
    assert made.rig.engine.current_key != FILM


def test_the_film_bar_button_opens_it_and_the_key_help_lists_t(qtbot: Any, tmp_path: Path) -> None:
    made = _on_film_step(qtbot, tmp_path)
    buttons = made.console.film_bar.findChildren(QPushButton)
    (button,) = [b for b in buttons if b.text() == "Filmens text"]
    assert "(T)" in button.toolTip()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert _window(made).isVisible()
    assert any(keys == ("T",) and "filmens text" in action for action, keys in KEYS)


def test_a_film_without_text_says_what_to_do_and_no_rich_text_is_shown(
    qtbot: Any, tmp_path: Path
) -> None:
    made = _on_film_step(qtbot, tmp_path, with_script=False)
    qtbot.keyClick(made.console, Qt.Key.Key_T)
    message = _window(made).text.toPlainText()
    assert message.startswith("Den här filmen har ingen text att visa.")
    assert str(tmp_path / "exempel" / "film" / "transcript.md") in message
    qtbot.keyClick(_window(made).text, Qt.Key.Key_Escape)
    written = "# Början\n\n<b>Anna:</b> Hej <img src='x'>\n"
    (tmp_path / "exempel" / "film" / "transcript.md").write_text(written, encoding="utf-8")
    qtbot.keyClick(made.console, Qt.Key.Key_T)
    assert "<b>Anna:</b> Hej <img src='x'>" in _window(made).text.toPlainText()


def test_the_window_is_drawn(qtbot: Any, tmp_path: Path) -> None:
    made = _on_film_step(qtbot, tmp_path)
    qtbot.keyClick(made.console, Qt.Key.Key_T)
    image: QImage = _window(made).grab().toImage()
    corner = image.pixelColor(2, 2)
    inked = sum(
        image.pixelColor(x, y) != corner
        for x in range(0, image.width(), 8)
        for y in range(0, image.height(), 8)
    )
    assert inked > 50 and corner != QColor("black")
