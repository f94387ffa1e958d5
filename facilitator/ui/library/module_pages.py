"""Opens a module's own page from the library and back again; wires the page to the film
player, the printables, the planner and (once connected) the self-study window.

The page and its film are built on first open, not before: the library's start does without
them (decision 0004)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from facilitator.core.films.playback import Player
from facilitator.core.i18n import _
from facilitator.core.planning import OpenModule
from facilitator.ui.console.film_runner import FilmRunner
from facilitator.ui.console.film_transcript import FilmTranscriptWindow, film_text
from facilitator.ui.library.card import describe_lengths
from facilitator.ui.library.library_controller import LibraryController
from facilitator.ui.library.library_page import LibraryPage
from facilitator.ui.library.module_facts import whole_film
from facilitator.ui.library.module_printing import ModulePrinting
from facilitator.ui.main_window import MainWindow

if TYPE_CHECKING:
    from facilitator.ui.library.module_page import ModulePage


class ModulePages(QObject):
    self_study_requested = Signal(str)  # the module's id
    """Connect the self-study window here: "Gå igenom på egen hand" is greyed out until then."""

    def __init__(
        self,
        window: MainWindow,
        library_page: LibraryPage,
        library: LibraryController,
        printing: Callable[[], ModulePrinting],
        make_player: Callable[[], Player],
        subtitle_preference: Callable[[], str],
        tell: Callable[[Sequence[str]], None],
    ) -> None:
        super().__init__(window)
        self._window = window
        self._library_page = library_page
        self._library = library
        self._printing = printing
        self._make_player = make_player
        self._subtitle_preference = subtitle_preference
        self._tell = tell
        self.page: ModulePage | None = None
        self.opened: OpenModule | None = None
        self._transcript: FilmTranscriptWindow | None = None
        library_page.module_requested.connect(self.open)

    def open(self, module_id: str) -> None:
        opened = self._library.open_module(module_id)
        if opened is None:
            self._tell([_("Modulen {id} gick inte att öppna.").format(id=module_id)])
            return
        page = self._ensure_page()
        self.opened = opened
        card = next((c for c in self._library_page.cards() if c.data.key == module_id), None)
        facts = describe_lengths(card.data) if card is not None else ""
        page.show_module(opened.manifest, facts, self._library_page.minutes())
        self._load_film(opened)
        self._window.show_page(page)
        page.back_button.setFocus()

    def _ensure_page(self) -> ModulePage:
        if self.page is None:
            from facilitator.ui.library.module_film import FilmPanel
            from facilitator.ui.library.module_page import ModulePage

            runner = FilmRunner(self._make_player, self, self._subtitle_preference)
            page = ModulePage(FilmPanel(runner, self._subtitle_preference))
            page.back_requested.connect(self.back)
            page.plan_requested.connect(self._plan)
            page.print_requested.connect(self._print)
            page.text_requested.connect(self._show_text)
            page.film.text_requested.connect(self._show_text)
            page.self_study_requested.connect(self._self_study)
            self._window.add_page(page)
            self.page = page
        return self.page

    def _load_film(self, opened: OpenModule) -> None:
        assert self.page is not None
        try:
            program = whole_film(opened.manifest, opened.folder)
        except FileNotFoundError:
            self.page.film.set_program(None, _("Filmfilen saknas i modulens mapp."))
            return
        missing = "" if program is not None else _("Den här modulen har ingen film.")
        self.page.film.set_program(program, missing)
        self.page.film.text_button.setEnabled(opened.manifest.film is not None)

    def back(self) -> None:
        """To the library, with the keyboard on the module's card."""
        if self.page is not None:
            self.page.film.stop()
        self._window.show_page(self._library_page)
        if self.opened is not None:
            self._library_page.focus_card(self.opened.manifest.id)

    def release(self) -> None:
        """At shutdown: the film player goes with the app."""
        if self.page is not None:
            self.page.film.runner.release()

    def _plan(self, minutes: int) -> None:
        if self.opened is not None:
            self._library.make_plan([self.opened.manifest.id], minutes)

    def _print(self, kind: str, minutes: int) -> None:
        if self.opened is not None:
            self._printing().print(kind, self.opened.folder, minutes)

    def _show_text(self) -> None:
        if self.opened is None or self.opened.manifest.film is None:
            return
        if self._transcript is None:
            self._transcript = FilmTranscriptWindow(self._window)
        self._transcript.show_text(*film_text(self.opened.manifest, self.opened.folder))

    def _self_study(self) -> None:
        if self.opened is not None:
            self.self_study_requested.emit(self.opened.manifest.id)
