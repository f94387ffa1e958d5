"""The one current ``Settings``: every part of the app reads it here and changes it here, so
a change saved by one part is never overwritten by another part's stale copy."""

from __future__ import annotations

import logging
from typing import Any

from facilitator.core.application.broadcast import Broadcast
from facilitator.core.i18n import _
from facilitator.core.settings import Settings, SettingsStore

log = logging.getLogger(__name__)


class SettingsService:
    def __init__(self, store: SettingsStore, current: Settings) -> None:
        self._store = store
        self._current = current
        self.changed: Broadcast[Settings] = Broadcast()

    @property
    def current(self) -> Settings:
        return self._current

    def change(self, **changes: Any) -> str | None:
        """Apply and save ``changes`` to the current settings. Returns a message for the
        leader when the file could not be written (the change holds until the app closes)."""
        return self.replace(self._current.with_changes(**changes))

    def replace(self, settings: Settings) -> str | None:
        if settings == self._current:
            return None
        self._current = settings
        problem = None
        try:
            self._store.save(settings)
        except OSError as error:
            log.warning("Settings not saved: %s", error)
            problem = _(
                "Inställningarna kunde inte sparas ({error}). De gäller tills appen stängs."
            ).format(error=error.strerror or error)
        self.changed.emit(settings)
        return problem
