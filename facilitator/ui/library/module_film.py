"""The film on a module's own page: played in the window, with subtitles, for a leader who
prepares alone; no projector, no questions stopping it. The console's film runner and
subtitle list do the work, so it plays as the session will."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from facilitator.core.films.playback import FilmProgram
from facilitator.core.films.subtitle_choice import SubtitleState, starting_language
from facilitator.core.i18n import _
from facilitator.ui.console.film_runner import FilmRunner
from facilitator.ui.console.subtitle_picker import SubtitlePicker

PREVIEW_KEY = "module-page"


class FilmSurface(QFrame):
    """Where libVLC draws: as wide as the column, in the film's 16:9."""

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return width * 9 // 16


class FilmPanel(QWidget):
    text_requested = Signal()

    def __init__(
        self,
        runner: FilmRunner,
        subtitle_preference: Callable[[], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self._subtitle_preference = subtitle_preference
        self._program: FilmProgram | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.surface = FilmSurface()
        self.surface.setObjectName("filmSurface")
        # Dark from the palette (no colour of our own), drawn into by libVLC.
        self.surface.setBackgroundRole(QPalette.ColorRole.Shadow)
        self.surface.setAutoFillBackground(True)
        self.surface.setAttribute(Qt.WidgetAttribute.WA_NativeWindow, True)
        self.surface.setMinimumSize(320, 180)
        policy = self.surface.sizePolicy()
        policy.setHeightForWidth(True)
        self.surface.setSizePolicy(policy)
        layout.addWidget(self.surface)
        self.position = QLabel()
        self.position.setObjectName("muted")
        self.position.setWordWrap(True)
        layout.addWidget(self.position)
        row = QHBoxLayout()
        self.play_button = self._button(row, _("Spela/pausa"), _("Spela eller pausa filmen"))
        self.play_button.clicked.connect(self.toggle)
        back = self._button(row, _("−10 s"), _("Tio sekunder bakåt"))
        back.clicked.connect(lambda: runner.skip(-10.0))
        forward = self._button(row, _("+10 s"), _("Tio sekunder framåt"))
        forward.clicked.connect(lambda: runner.skip(10.0))
        row.addStretch(1)
        layout.addLayout(row)
        second = QHBoxLayout()
        self.subtitles = SubtitlePicker()
        self.subtitles.chosen.connect(self._choose_subtitles)
        second.addWidget(self.subtitles)
        self.text_button = self._button(second, _("Filmens text"), _("Filmens text att läsa (T)"))
        self.text_button.clicked.connect(self.text_requested.emit)
        second.addStretch(1)
        layout.addLayout(second)
        runner.position_text.connect(self.position.setText)
        runner.subtitles_changed.connect(self._show_subtitles)
        runner.problem.connect(self._show_problem)
        self._show_subtitles(SubtitleState())

    def _button(self, row: QHBoxLayout, text: str, tip: str) -> QPushButton:
        button = QPushButton(text)
        button.setToolTip(tip)
        row.addWidget(button)
        return button

    def set_program(self, program: FilmProgram | None, missing: str = "") -> None:
        """The film to play, or None with why there is none to play."""
        self.runner.leave()
        self._program = program
        for control in self.findChildren(QPushButton):
            if control is not self.text_button:
                control.setEnabled(program is not None)
        self.position.setText(missing if program is None else _("Spela filmen här i fönstret."))
        languages = tuple(t.language for t in program.subtitles) if program is not None else ()
        start = starting_language(self._subtitle_preference(), languages)
        self._show_subtitles(SubtitleState(languages, start))

    def toggle(self) -> None:
        """Play from the start the first time (and after the end), then pause and play on."""
        if self._program is None:
            return
        if self.runner.running:
            self.runner.toggle()
        else:
            self.runner.enter(PREVIEW_KEY, self._program, self.surface)

    def _choose_subtitles(self, language: str | None) -> None:
        # Picked before the film has started: start it, with that track.
        if not self.runner.active:
            self.toggle()
        self.runner.choose_subtitles(language)

    def stop(self) -> None:
        self.runner.leave()

    def _show_subtitles(self, state: SubtitleState) -> None:
        self.subtitles.show_state(state)

    def _show_problem(self, message: str) -> None:
        self.position.setText(_("Filmen går inte att spela: {error}").format(error=message))
