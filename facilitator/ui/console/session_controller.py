"""Runs one session: forwards the leader's keys and buttons to the engine, and shows the
engine's state on the console and on every projector output (the projector itself and the
console's preview)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QWidget

from facilitator.core.content.kinds import StepKind
from facilitator.core.content.manifest import FilmStep, Manifest, Step
from facilitator.core.i18n import _
from facilitator.core.media import film_program
from facilitator.core.presentation.cards import (
    CardKind,
    ProjectorCard,
    black_card,
    break_card,
    card_for_step,
    film_question_card,
    format_countdown,
    pause_card,
    rules_card,
)
from facilitator.core.presentation.inert_markdown import inert_markdown
from facilitator.core.session.engine import SessionEngine
from facilitator.core.session.errors import SessionError
from facilitator.core.session.events import StepTimeUp
from facilitator.core.session.status import SessionState, SessionStatus
from facilitator.ui.console.console_page import ConsolePage
from facilitator.ui.console.film_runner import FilmRunner
from facilitator.ui.console.focus_guard import ConsoleFocusGuard
from facilitator.ui.projector.projector_view import ProjectorView

log = logging.getLogger(__name__)

TICK_MS = 250
CUE_VISIBLE_MS = 8000


@dataclass(frozen=True)
class StepContent:
    step: Step
    manifest: Manifest
    folder: Path | None = None


class SessionController(QObject):
    ended = Signal()
    step_changed = Signal(str)
    time_up = Signal(str)
    changed = Signal()  # after every action the leader took (for saving the session's state)
    help_requested = Signal()
    leave_full_screen_requested = Signal()

    def __init__(
        self,
        engine: SessionEngine,
        content: Mapping[str, StepContent],
        console: ConsolePage,
        outputs: Sequence[ProjectorView],
        play_cue: Callable[[], None] | None = None,
        language: str = "sv",
        film: FilmRunner | None = None,
        film_surface: Callable[[], QWidget] | None = None,
    ) -> None:
        super().__init__(console)
        self.engine = engine
        self._content = content
        self._console = console
        self._outputs = list(outputs)
        self._play_cue = play_cue
        self._language = language
        self._film = film
        self._film_surface = film_surface
        self._override: ProjectorCard | None = None
        self._shown_key: str | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self.refresh)
        self._cue_timer = QTimer(self)
        self._cue_timer.setSingleShot(True)
        self._cue_timer.setInterval(CUE_VISIBLE_MS)
        self._cue_timer.timeout.connect(lambda: self._each(lambda v: v.show_time_up_cue(False)))
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        self.focus_guard = ConsoleFocusGuard(app, console, outputs)
        self._connect_console()
        self._connect_film()
        self._install_keys()

    # --- wiring ----------------------------------------------------------------------------

    def _connect_console(self) -> None:
        c = self._console
        c.next_requested.connect(self.next)
        c.back_requested.connect(self.back)
        c.pause_requested.connect(self.toggle_pause)
        c.extend_requested.connect(lambda: self.extend(1))
        c.black_requested.connect(self.toggle_black)
        c.rules_requested.connect(self.toggle_rules)
        c.end_requested.connect(self.end)
        c.jump_requested.connect(self.jump)

    def _connect_film(self) -> None:
        film = self._film
        if film is None:
            return
        c = self._console
        c.film_toggle_requested.connect(film.toggle)
        c.film_skip_requested.connect(film.skip)
        c.film_restart_requested.connect(film.restart_chapter)
        c.film_subtitles_requested.connect(film.toggle_subtitles)
        c.film_volume_changed.connect(film.set_volume)
        film.position_text.connect(c.film_position.setText)
        film.question.connect(self._film_question)
        film.playing.connect(self._film_playing)
        film.finished.connect(self._film_finished)
        film.problem.connect(self._film_problem)

    def _install_keys(self) -> None:
        film = self._film
        bindings: list[tuple[Sequence[str], Callable[[], None]]] = [
            (("PgDown", "Right"), self.next),
            (("Space",), self._space),
            (("PgUp", "Left"), self.back),
            (("B", "."), self.toggle_black),
            (("P",), self.toggle_pause),
            (("+", "Shift++"), lambda: self.extend(1)),
            (("R",), self.toggle_rules),
            (("F5",), self.start_or_resume),
            (("?", "Shift+?", "F1"), self.help_requested.emit),
            (("Esc",), self.leave_full_screen_requested.emit),
        ]
        if film is not None:
            bindings += [
                (("K",), film.toggle),
                (("J",), lambda: film.skip(-10.0)),
                (("L",), lambda: film.skip(10.0)),
                (("S",), self._toggle_subtitles),
            ]
        for keys, action in bindings:
            for key in keys:
                shortcut = QShortcut(QKeySequence(key), self._console)
                shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
                shortcut.activated.connect(action)

    # --- film ------------------------------------------------------------------------------

    def _toggle_subtitles(self) -> None:
        if self._film is not None:
            self._film.toggle_subtitles()

    def _space(self) -> None:
        """Space plays and pauses a running film; everywhere else it moves on (clicker)."""
        if self._film is not None and self._film.active:
            self._film.toggle()
        else:
            self.next()

    def _film_question(self, question: str) -> None:
        self._override = film_question_card(question)
        self._shown_key = self.engine.current_key
        self.refresh()

    def _film_playing(self) -> None:
        if self._override is not None and self._override.kind == CardKind.FILM_QUESTION:
            self._override = None
            self.refresh()

    def _film_finished(self) -> None:
        content = self._current_content()
        question = getattr(content.step, "question_after", None) if content else None
        self._override = film_question_card(question or _("Filmen är slut."))
        self.refresh()

    def _film_problem(self, message: str) -> None:
        content = self._current_content()
        self._console.show_notice(
            message + " " + _("Sessionen fortsätter med stegets text och frågor.")
        )
        step = content.step if content else None
        question = getattr(step, "question_after", None) or ""
        self._override = ProjectorCard(
            CardKind.TEXT, heading=step.title if step else "", body=question
        )
        self.refresh()

    def _current_content(self) -> StepContent | None:
        key = self.engine.current_key
        return self._content.get(key) if key else None

    def _enter_step(self, key: str | None) -> None:
        content = self._content.get(key) if key else None
        is_film = content is not None and isinstance(content.step, FilmStep)
        self._console.film_bar.setVisible(is_film and self._film is not None)
        if self._film is None:
            return
        if not is_film or content is None:
            self._film.leave()
            return
        assert isinstance(content.step, FilmStep)
        try:
            if content.folder is None:
                raise FileNotFoundError(content.step.id)
            program = film_program(content.manifest, content.step, content.folder)
        except FileNotFoundError:
            self._film_problem(_("Filmfilen saknas i modulen, så filmen kan inte visas."))
            return
        surface = self._film_surface() if self._film_surface else None
        if surface is not None:
            self._film.enter(program, surface)

    # --- actions ---------------------------------------------------------------------------

    def start(self) -> None:
        self.engine.start()
        self._timer.start()
        self.refresh()

    def resume_display(self) -> None:
        """Continue a restored session: show where it is and keep the clock running."""
        if self.engine.state in (SessionState.RUNNING, SessionState.PAUSED):
            self._timer.start()
        self.refresh()

    def start_or_resume(self) -> None:
        state = self.engine.state
        if state == SessionState.NOT_STARTED:
            self.start()
        elif state == SessionState.PAUSED:
            self.toggle_pause()

    def next(self) -> None:
        self._act(self.engine.next)

    def back(self) -> None:
        self._act(self.engine.back)

    def jump(self, key: str) -> None:
        self._act(lambda: self.engine.jump(key))

    def extend(self, minutes: int) -> None:
        self._act(lambda: self.engine.extend(minutes))

    def toggle_pause(self) -> None:
        if self.engine.state == SessionState.RUNNING:
            self._act(self.engine.pause)
        elif self.engine.state == SessionState.PAUSED:
            self._act(self.engine.resume)

    def toggle_black(self) -> None:
        self._toggle_override(black_card())

    def toggle_rules(self) -> None:
        self._toggle_override(rules_card())

    def end(self) -> None:
        if self.engine.state in (SessionState.RUNNING, SessionState.PAUSED):
            self._act(self.engine.end)
            self._timer.stop()
            if self._film is not None:
                self._film.release()
            self.ended.emit()

    def _toggle_override(self, card: ProjectorCard) -> None:
        same = self._override is not None and self._override.kind == card.kind
        self._override = None if same else card
        self.refresh()

    def _act(self, action: Callable[[], None]) -> None:
        try:
            action()
        except SessionError as error:
            # The first/last step or a finished session: nothing to do, nothing to alarm about.
            log.info("Ignored: %s", error)
            return
        self._override = None
        self.refresh()
        self.changed.emit()

    # --- display ---------------------------------------------------------------------------

    def refresh(self) -> None:
        status = self.engine.status()
        for event in self.engine.poll():
            if isinstance(event, StepTimeUp):
                self._on_time_up(event.key)
        self._show_console(status)
        self._show_projector(status)

    def _on_time_up(self, key: str) -> None:
        self.time_up.emit(key)
        self._each(lambda v: v.show_time_up_cue(True))
        self._cue_timer.start()
        if self._play_cue is not None:
            self._play_cue()

    def _each(self, action: Callable[[ProjectorView], None]) -> None:
        for view in self._outputs:
            action(view)

    def _show_projector(self, status: SessionStatus) -> None:
        key = status.current_step.key if status.current_step else None
        if status.state == SessionState.PAUSED:
            card = pause_card(self._module_title(key))
        elif self._override is not None:
            card = self._override
        elif key is not None and key in self._content:
            item = self._content[key]
            minutes = round(status.step_planned_seconds / 60)
            card = card_for_step(item.step, minutes, item.manifest.title.get(self._language))
        elif status.current_step is not None and status.current_step.kind == StepKind.BREAK:
            card = break_card(round(status.step_planned_seconds / 60))
        else:
            card = pause_card("")
        text = format_countdown(status.step_remaining_seconds)
        for view in self._outputs:
            if view.card != card:
                view.show_card(card)
            view.set_countdown(text, status.phase)
        if key != self._shown_key:
            self._shown_key = key
            if status.state != SessionState.ENDED:
                self._enter_step(key)
            if key is not None:
                self.step_changed.emit(key)

    def _show_console(self, status: SessionStatus) -> None:
        c = self._console
        step = status.current_step
        content = self._content.get(step.key) if step else None
        if step is not None:
            c.step_title.setText(step.title)
            meta = [step.kind.label]
            if step.format is not None:
                meta.append(step.format.label)
            meta.append(_("{m} min planerat").format(m=round(status.step_planned_seconds / 60)))
            c.step_meta.setText(" · ".join(meta))
        c.set_countdown(format_countdown(status.step_remaining_seconds), status.phase)
        c.session_clock.setText(self._clock_text(status))
        key = step.key if step is not None else None
        if content is not None and c.leader_notes.property("stepKey") != key:
            c.leader_notes.setProperty("stepKey", key)
            c.leader_notes.setMarkdown(inert_markdown(self._notes_markdown(content.step)))
        nxt = status.next_step
        c.next_label.setText(
            _("Nästa: {title} · {minutes} min").format(title=nxt.title, minutes=nxt.planned_minutes)
            if nxt
            else _("Nästa: avslutning av sessionen")
        )
        c.pause_button.setText(_("Fortsätt") if status.state == SessionState.PAUSED else _("Paus"))
        c.set_plan_rows(*self._plan_rows(status))

    def _clock_text(self, status: SessionStatus) -> str:
        end = status.projected_end.strftime("%H:%M")
        behind = status.minutes_behind
        if behind > 0:
            delta = _("{m} min efter plan").format(m=behind)
        elif behind < 0:
            delta = _("{m} min före plan").format(m=-behind)
        else:
            delta = _("enligt plan")
        state = _(" · pausad") if status.state == SessionState.PAUSED else ""
        return _("Beräknat slut {end} · {delta}").format(end=end, delta=delta) + state

    def _plan_rows(self, status: SessionStatus) -> tuple[list[tuple[str, str]], int]:
        runs = {run.key: run for run in self.engine.runs}
        current = status.current_step.key if status.current_step else None
        rows: list[tuple[str, str]] = []
        current_row = -1
        for step in self.engine.plan.active_steps:
            run = runs.get(step.key)
            if step.key == current:
                marker = _("Nu")
                current_row = len(rows)
            elif run is not None and run.ended_at is not None:
                marker = _("Klar")
            else:
                marker = ""
            prefix = f"{marker}: " if marker else ""
            rows.append((step.key, f"{prefix}{step.title} · {step.planned_minutes} min"))
        return rows, current_row

    def _notes_markdown(self, step: Step) -> str:
        parts = [step.leader_notes]
        follow_ups = getattr(step, "follow_ups", None)
        if follow_ups:
            parts.append(_("**Följdfrågor**"))
            parts.append("\n".join(f"- {q}" for q in follow_ups))
        if isinstance(step, FilmStep) and step.question_after:
            parts.append(_("**Fråga efter filmen:** {q}").format(q=step.question_after))
        return "\n\n".join(parts)

    def _module_title(self, key: str | None) -> str:
        if key is None or key not in self._content:
            return ""
        return self._content[key].manifest.title.get(self._language)
