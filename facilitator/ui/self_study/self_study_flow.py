"""Opens a module's self-study path and walks it with the person: what each step shows, the
film played in the page (with the film's text on T), each answer saved through the service,
and where they are kept so that coming back (even after a restart) resumes there."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QKeySequence, QShortcut

from facilitator.core.application.self_study import (
    AnswerSaved,
    SelfStudyPath,
    SelfStudyService,
)
from facilitator.core.content.kinds import StepKind
from facilitator.core.content.manifest import FilmStep
from facilitator.core.content.self_study_path import self_study_introduction
from facilitator.core.films.playback import Player, film_program
from facilitator.core.i18n import _
from facilitator.core.planning import OpenModule
from facilitator.ui.console.film_runner import FilmRunner
from facilitator.ui.console.film_transcript import FilmTranscriptWindow, film_text
from facilitator.ui.main_window import MainWindow
from facilitator.ui.self_study.self_study_page import CONTEXT, SelfStudyPage

END = "klar"
"""The place kept for a path walked to its end."""


def place_of(path: SelfStudyPath, step_id: str | None) -> int:
    """Where to resume: the step kept, "Klar" after the end, else the introduction."""
    if step_id == END:
        return len(path.steps) + 1
    ids = [step.step_id for step in path.steps]
    return ids.index(step_id) + 1 if step_id in ids else 0


class SelfStudyFlow(QObject):
    failed = Signal(str)

    def __init__(
        self,
        window: MainWindow,
        page: SelfStudyPage,
        service: SelfStudyService,
        open_module: Callable[[str], OpenModule | None],
        make_player: Callable[[], Player],
    ) -> None:
        super().__init__(page)
        self._window = window
        self._page = page
        self._service = service
        self._open_module = open_module
        self._film = FilmRunner(make_player, self)
        self._film.problem.connect(page.step_view.tell_about_film)
        self._film.question.connect(page.step_view.show_pause_question)
        self._film.playing.connect(page.step_view.film_plays)
        self._transcript: FilmTranscriptWindow | None = None
        self.module: OpenModule | None = None
        self.path: SelfStudyPath | None = None
        page.moved.connect(self._moved)
        page.step_view.play_requested.connect(self._film.toggle)
        page.step_view.transcript_requested.connect(self.show_transcript)
        page.back_requested.connect(self.leave)
        page.step_view.answer.saved.connect(self._answered)
        QShortcut(QKeySequence("T"), page, self.show_transcript, context=CONTEXT)
        service.changed.connect(lambda _none: page.step_view.answer.refresh())

    def open(self, module_id: str) -> None:
        module = self._open_module(module_id)
        if module is None:
            self.failed.emit(
                _("Modulen {module} finns inte i biblioteket.").format(module=module_id)
            )
            return
        self.leave()
        manifest = module.manifest
        self.module = module
        self.path = self._service.path(manifest)
        progress = self._service.progress(module_id)
        introduction = self_study_introduction(manifest) or self.path.introduction
        self._window.show_page(self._page)
        self._page.show_path(
            self.path,
            introduction,
            place_of(self.path, progress.current_step_id if progress else None),
        )
        self._answered()

    def leave(self) -> None:
        """The page is left: the answer typed is saved and the film stops."""
        self._page.leave()
        self._film.leave()

    def _moved(self, index: int) -> None:
        path, module = self.path, self.module
        if path is None or module is None:
            return
        self._film.leave()
        if 1 <= index <= len(path.steps):
            step = path.steps[index - 1]
            self._show_step(index - 1)
            self._service.move_to(path.module_id, path.version, step.step_id)
        elif index > len(path.steps):
            self._page.show_answers(self._service.answers(path.module_id))
            self._service.move_to(path.module_id, path.version, END)

    def _show_step(self, position: int) -> None:
        assert self.path is not None and self.module is not None
        path, step = self.path, self.path.steps[position]
        view = self._page.step_view
        view.show_step(step)
        held = {a.step_id: a for a in self._service.answers(path.module_id)}.get(step.step_id)
        question = step.question or ""

        def save(text: str) -> AnswerSaved:
            return self._service.save_answer(
                path.module_id, path.version, step.step_id, question, text
            )

        view.answer.bind(
            question,
            held.text if held is not None else "",
            save,
            self._service.state_of(path.module_id, step.step_id),
        )
        if step.kind == StepKind.FILM:
            self._play(step.step_id)

    def _play(self, step_id: str) -> None:
        assert self.module is not None
        manifest, folder = self.module.manifest, self.module.folder
        film_step = next((s for s in manifest.steps if s.id == step_id), None)
        if not isinstance(film_step, FilmStep):
            return
        try:
            program = film_program(manifest, film_step, folder)
        except FileNotFoundError:
            self._page.step_view.tell_about_film(
                _("Filmfilen saknas i modulen, så filmen kan inte visas.")
            )
            return
        self._film.enter(f"{manifest.id}/{step_id}", program, self._page.step_view.film)

    def show_transcript(self) -> None:
        if (
            self.module is None
            or self.path is None
            or not 1 <= self._page.index <= len(self.path.steps)
        ):
            return
        if self.path.steps[self._page.index - 1].kind != StepKind.FILM:
            return
        if self._transcript is None:
            self._transcript = FilmTranscriptWindow(self._window)
        self._transcript.show_text(*film_text(self.module.manifest, self.module.folder))

    def _answered(self) -> None:
        if self.path is not None:
            progress = self._service.progress(self.path.module_id)
            self._page.mark_answered(progress.answered if progress is not None else ())
