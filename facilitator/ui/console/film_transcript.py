"""The film's words in a window beside the console ("Filmens text", T): a calm page of plain
text the leader can read or hand to a participant who cannot see or hear the film, and that a
screen reader reads line by line (EN 301 549 11.7, 11.4.1.2).

Not modal: the session goes on behind it. Esc or "Stäng" closes it, and the keyboard goes back
where it was, so the clicker steers the session again at once. The text is set as plain text:
nothing in a module's files is ever taken as rich text.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QTextCharFormat
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from facilitator.core.content.manifest import Manifest
from facilitator.core.films.transcript import (
    Transcript,
    TranscriptError,
    load_transcript,
    transcript_candidates,
)
from facilitator.core.i18n import _


def film_text(manifest: Manifest, folder: Path) -> tuple[str, Transcript | str]:
    """The window's heading and the film's transcript, or a message saying why there is none
    and what to do."""
    try:
        transcript = load_transcript(manifest, folder)
    except TranscriptError as error:
        message = _("Filmens text kan inte visas: {error}.").format(error=error)
        return manifest.title.sv, message
    if transcript is None:
        message = _(
            "Den här filmen har ingen text att visa. Modulens författare kan lägga till en fil "
            "med filmens ord: {path}"
        ).format(path=folder / transcript_candidates(manifest)[0])
        return manifest.title.sv, message
    return transcript.title or manifest.title.sv, transcript


class FilmTranscriptWindow(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModal(False)
        self.setWindowTitle(_("Filmens text"))
        self.resize(640, 720)
        self._return_to: QWidget | None = None
        layout = QVBoxLayout(self)
        self.heading = QLabel()
        self.heading.setObjectName("pageTitle")
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.heading)
        self.text = QPlainTextEdit()
        self.text.setObjectName("filmTranscript")
        self.text.setReadOnly(True)
        # Read-only, yet a caret moves through it: a screen reader follows line by line.
        self.text.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByKeyboard
            | Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.text.setTabChangesFocus(True)  # Tab leaves the text for "Stäng": no trap
        self.text.setAccessibleName(_("Filmens text"))
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        font = QFont(self.text.font())
        font.setPointSizeF(max(font.pointSizeF(), 9.0) * 1.25)
        self.text.setFont(font)
        layout.addWidget(self.text, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        if close is not None:
            close.setText(_("Stäng"))
            close.setAutoDefault(False)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.finished.connect(self._give_back_focus)

    def show_text(self, title: str, content: Transcript | str) -> None:
        """Open (or bring forward) with the transcript or a message, read from the top."""
        if not self.isVisible():
            self._return_to = QApplication.focusWidget()
        self.heading.setText(title)
        self.text.setAccessibleDescription(title)
        if isinstance(content, str):
            self.text.setPlainText(content)
        else:
            self._write(content)
        self.text.moveCursor(self.text.textCursor().MoveOperation.Start)
        self.show()
        self.raise_()
        self.activateWindow()
        self.text.setFocus(Qt.FocusReason.OtherFocusReason)

    def _write(self, transcript: Transcript) -> None:
        """Chapter titles and line labels in bold, everything inserted as plain text: the
        formatting is ours, never the file's."""
        self.text.clear()
        cursor = self.text.textCursor()
        plain, bold, chapter = QTextCharFormat(), QTextCharFormat(), QTextCharFormat()
        bold.setFontWeight(QFont.Weight.Bold)
        chapter.setFontWeight(QFont.Weight.Bold)
        chapter.setFontPointSize(self.text.font().pointSizeF() * 1.2)
        first = True
        for section in transcript.sections:
            if section.title:
                cursor.insertText(("" if first else "\n") + section.title + "\n", chapter)
                first = False
            for passage in section.passages:
                for line in passage.lines:
                    if label := line.label():
                        cursor.insertText(label + ": ", bold)
                    cursor.insertText(line.shown() + "\n", plain)
                cursor.insertText("\n", plain)
                first = False

    def _give_back_focus(self) -> None:
        target = self._return_to
        self._return_to = None
        if target is None:
            parent = self.parentWidget()
            target = parent.window() if parent is not None else None
        if target is not None:
            target.window().activateWindow()
            target.setFocus(Qt.FocusReason.OtherFocusReason)
