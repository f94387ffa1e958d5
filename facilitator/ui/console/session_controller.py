"""The console's side of a running session: the leader's keys and buttons become the
service's intents, the service's view is drawn on the console and on every projector output
(the projector itself and the console's preview), and the film plays where the room looks."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QWidget

from facilitator.core.application.broadcast import Subscriptions
from facilitator.core.application.presentation import SessionView, StepContent
from facilitator.core.application.session_service import SessionService, StepEntered
from facilitator.core.films.playback import film_program
from facilitator.core.i18n import _, ngettext
from facilitator.core.presentation.cards import CardKind, ProjectorCard, film_elsewhere_card
from facilitator.core.session.status import StepPhase
from facilitator.ui.console.console_page import ConsolePage
from facilitator.ui.console.film_runner import FilmRunner
from facilitator.ui.console.film_transcript import FilmTranscriptWindow, film_text
from facilitator.ui.console.focus_guard import ConsoleFocusGuard
from facilitator.ui.console.key_mode import KeyMode
from facilitator.ui.console.phase_cue import PhaseCue
from facilitator.ui.projector.paging import turn_page
from facilitator.ui.projector.projector_view import ProjectorView
from facilitator.ui.widgets.confirm import confirm

log = logging.getLogger(__name__)

TICK_MS = 250
CUE_VISIBLE_MS = 8000


class SessionController(QObject):
    def __init__(
        self,
        service: SessionService,
        console: ConsolePage,
        outputs: Sequence[ProjectorView],
        play_cue: Callable[[], None] | None = None,
        film: FilmRunner | None = None,
        film_surface: Callable[[], QWidget] | None = None,
        show_help: Callable[[], None] | None = None,
        leave_full_screen: Callable[[], None] | None = None,
        dress: Callable[[ProjectorCard], ProjectorCard] | None = None,
    ) -> None:
        """``dress``: what the room sees of a card beyond the step's own (the phones' join
        panel and approved answers); ``show_again`` when what it adds changes."""
        super().__init__(console)
        self.service = service
        self._console = console
        self._outputs = list(outputs)
        self._play_cue = play_cue
        self._film = film
        self._film_surface = film_surface
        self._show_help = show_help or (lambda: None)
        self._leave_full_screen = leave_full_screen or (lambda: None)
        self._dress = dress or (lambda card: card)
        self._subscriptions = Subscriptions()
        self._film_position: str | None = None
        self._film_content: StepContent | None = None
        self._film_text: FilmTranscriptWindow | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(service.tick)
        self._cue_timer = QTimer(self)
        self._cue_timer.setSingleShot(True)
        self._cue_timer.setInterval(CUE_VISIBLE_MS)
        self._cue_timer.timeout.connect(self._hide_cue)
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        self.focus_guard = ConsoleFocusGuard(app, console, outputs)
        self.key_mode = KeyMode(app, console, console.key_mode)
        self._phase_cue = PhaseCue(outputs, play_cue, self)
        self._listen()
        self._connect_console()
        self._connect_film()
        self._install_keys()

    # --- wiring ----------------------------------------------------------------------------

    def _listen(self) -> None:
        s, service = self._subscriptions, self.service
        s.connect(service.view_changed, self._show)
        s.connect(service.time_up, self._on_time_up)
        s.connect(service.phase_changed, self._phase_cue.ring)
        s.connect(service.step_entered, self._enter_step)
        s.connect(service.problem, lambda text: self._console.notices.post("film", text))
        s.connect(service.ended, lambda _none: self._stop())
        s.connect(service.film_resume, lambda _none: self._resume_film())

    def _connect_console(self) -> None:
        c, service = self._console, self.service
        c.next_requested.connect(self.next)
        c.back_requested.connect(self.back)
        c.pause_requested.connect(service.toggle_pause)
        c.extend_requested.connect(lambda: service.extend(1))
        c.phase_strip.skip_requested.connect(service.skip_phase)
        c.black_requested.connect(service.toggle_black)
        c.rules_requested.connect(service.toggle_rules)
        c.jump_requested.connect(service.jump)
        c.end_requested.connect(self.end)
        c.film_text_requested.connect(self.show_film_text)

    def _connect_film(self) -> None:
        film = self._film
        if film is None:
            return
        c = self._console
        c.film_toggle_requested.connect(film.toggle)
        c.film_skip_requested.connect(film.skip)
        c.film_restart_requested.connect(film.restart_chapter)
        c.subtitles.chosen.connect(film.choose_subtitles)
        film.subtitles_changed.connect(c.subtitles.show_state)
        film.subtitles_changed.connect(lambda _state: self.show_again())
        c.film_volume_changed.connect(film.set_volume)
        film.position_text.connect(self._film_time)
        film.question.connect(self.service.film_question)
        film.playing.connect(self.service.film_playing)
        film.finished.connect(self.service.film_finished)
        film.problem.connect(self.service.film_problem)

    def _install_keys(self) -> None:
        service, film = self.service, self._film
        bindings: list[tuple[Sequence[str], Callable[[], None]]] = [
            (("PgDown", "Right"), self.next),
            (("Space",), self._space),
            (("PgUp", "Left"), self.back),
            (("B", "."), service.toggle_black),
            (("P",), service.toggle_pause),
            (("+", "Shift++"), lambda: service.extend(1)),
            (("N",), service.skip_phase),
            (("R",), service.toggle_rules),
            (("F5", "Shift+F5"), service.start_or_resume),
            (("Ctrl+E",), self.end),
            (("?", "Shift+?", "F1"), self._show_help),
            (("Esc",), self._leave_full_screen),
            (("T",), self.show_film_text),
        ]
        if film is not None:
            bindings += [
                (("K",), film.toggle),
                (("J",), lambda: film.skip(-10.0)),
                (("Home",), film.restart_chapter),
                (("L",), lambda: film.skip(10.0)),
                (("S",), self._toggle_subtitles),
            ]
        for keys, action in bindings:
            for key in keys:
                shortcut = QShortcut(QKeySequence(key), self._console)
                shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
                shortcut.activated.connect(action)

    # --- life ------------------------------------------------------------------------------

    def start(self) -> None:
        """Keep the clock ticking; the service already began or continued the session."""
        self._timer.start()
        view = self.service.view
        if view is not None:
            self._show(view)

    def _stop(self) -> None:
        self._timer.stop()
        if self._film is not None:
            self._film.release()

    def close(self) -> None:
        """The session is over: stop listening to it (a service outlives no console)."""
        self._stop()
        self._subscriptions.cancel_all()
        self.focus_guard.release()
        self.key_mode.release()
        if self._film_text is not None:
            self._film_text.close()

    def next(self) -> None:
        """A card too long for one screen turns its pages before the session moves on."""
        if not turn_page(self._pages_lead_first(), forward=True):
            self.service.next()

    def back(self) -> None:
        if not turn_page(self._pages_lead_first(), forward=False):
            self.service.back()

    def _pages_lead_first(self) -> list[ProjectorView]:
        """The projector's own window leads when it is on screen (the room reads its pages);
        otherwise the preview is what the room would see."""
        shown = [v for v in self._outputs if v.isWindow() and v.isVisible()]
        lead = shown[0] if shown else self._outputs[0]
        return [lead, *(v for v in self._outputs if v is not lead)]

    def end(self) -> None:
        """End the session; while steps remain, only after the leader says so."""
        left = self.service.steps_left
        if left and not confirm(
            self._console,
            _("Avsluta sessionen?"),
            ngettext("Sessionen har {n} steg kvar.", "Sessionen har {n} steg kvar.", left).format(
                n=left
            ),
            _("Det som sparats finns kvar. Därefter räknar ni deltagare och utvärderar."),
            _("Avsluta sessionen"),
        ):
            return
        self.service.end()

    # --- film ------------------------------------------------------------------------------

    def _resume_film(self) -> None:
        if self._film is not None:
            self._film.resume()

    def _toggle_subtitles(self) -> None:
        if self._film is not None:
            self._film.cycle_subtitles()

    def show_film_text(self) -> None:
        """On a film step: its words in a window beside the console (T)."""
        content = self._film_content
        if content is None or content.folder is None:
            return
        if self._film_text is None:
            self._film_text = FilmTranscriptWindow(self._console)
        self._film_text.show_text(*film_text(content.manifest, content.folder))

    def _space(self) -> None:
        """Space plays and pauses a film; everywhere else, and once the film has ended (its
        question after shows), it moves on like the clicker's other next keys."""
        if self._film is not None and self._film.running:
            self._film.toggle()
        else:
            self.next()

    def _enter_step(self, entered: StepEntered) -> None:
        film_step = entered.film
        self._film_content = film_step
        self._console.show_film_controls(film_step is not None and self._film is not None)
        if self._film is None:
            return
        if film_step is None or entered.key is None:
            self._film.leave()
            return
        try:
            if film_step.folder is None:
                raise FileNotFoundError(film_step.step.id)
            program = film_program(film_step.manifest, film_step.step, film_step.folder)  # type: ignore[arg-type]
        except FileNotFoundError:
            self.service.film_problem(_("Filmfilen saknas i modulen, så filmen kan inte visas."))
            return
        surface = self._film_surface() if self._film_surface else None
        if surface is not None:
            self._film.enter(entered.key, program, surface)

    # --- display ---------------------------------------------------------------------------

    def _on_time_up(self, _key: str) -> None:
        for view in self._outputs:
            view.show_time_up_cue(True)
        self._cue_timer.start()
        if self._play_cue is not None:
            self._play_cue()

    def _hide_cue(self) -> None:
        for view in self._outputs:
            view.show_time_up_cue(False)

    def _show(self, view: SessionView) -> None:
        for output in self._outputs:
            if self._film_elsewhere(output, view.card):
                card = film_elsewhere_card(view.console.step_title, self._subtitles_label())
                if output.card != card:
                    output.show_card(card)
                output.set_countdown(self._film_position or "", StepPhase.NORMAL)
                continue
            card = self._dress(view.card)
            if output.card != card:
                output.show_card(card)
            output.set_countdown(view.countdown, view.phase)
        self._console.show_view(view.console)

    def _film_elsewhere(self, output: ProjectorView, card: ProjectorCard) -> bool:
        """The film plays on another output's surface (the projector) than this one's."""
        if card.kind != CardKind.FILM or self._film is None or self._film_surface is None:
            return False
        return self._film_surface() is not output.film_surface

    def _subtitles_label(self) -> str:
        return self._film.subtitles_label if self._film is not None else ""

    def show_again(self) -> None:
        """Draw the view again: the subtitles changed (the preview's card names them), or
        what ``dress`` adds did."""
        view = self.service.view
        if view is not None:
            self._show(view)

    def _film_time(self, text: str) -> None:
        # The preview shows the time only ("1:23 / 3:25"); the chapter stays on the console.
        self._film_position = text.split(" · ", 1)[0]
        self._console.film_position.setText(text)
        # Only the outputs that say "the film is on the projector" show its time; the rest
        # of the view has not changed.
        for output in self._outputs:
            if output.card.kind == CardKind.FILM_ELSEWHERE:
                output.set_countdown(self._film_position, StepPhase.NORMAL)
