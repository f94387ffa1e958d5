"""How far the person has come alone in each module, in a quiet line on its library card
("På egen hand: 4 av 11 steg"). Read once the answers have loaded (the library's third phase,
decision 0004) and whenever the library is shown again, never before the library is usable."""

from __future__ import annotations

from collections.abc import Callable

from facilitator.core.application.self_study import SelfStudyService
from facilitator.core.i18n import _
from facilitator.core.planning import OpenModule
from facilitator.ui.library.library_page import LibraryPage
from facilitator.ui.self_study.self_study_flow import END, place_of


class LibraryProgress:
    def __init__(
        self,
        page: LibraryPage,
        service: SelfStudyService,
        open_module: Callable[[str], OpenModule | None],
    ) -> None:
        self._page = page
        self._service = service
        self._open_module = open_module

    def refresh(self) -> None:
        if not self._service.loaded:
            return
        texts: dict[str, str] = {}
        for module_id, progress in self._service.progress_all().items():
            if progress.current_step_id == END:
                texts[module_id] = _("På egen hand: klar")
                continue
            module = self._open_module(module_id)
            if module is None:
                continue
            path = self._service.path(module.manifest)
            reached = min(place_of(path, progress.current_step_id), len(path.steps))
            texts[module_id] = _("På egen hand: {reached} av {total} steg").format(
                reached=reached, total=len(path.steps)
            )
        self._page.set_study_progress(texts)
