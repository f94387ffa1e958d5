"""The Qt-free side of starting: folders, logging, settings and the language before the
window, and the heavy imports on a worker thread after it (decision 0004).

Kept apart from the composition root, and free of PySide6, so the command line can prepare
before PySide6 is imported: from then on PySide6 reads the source of every module imported
(looking for its ``__feature__`` switches), a cost these modules then never pay.
"""

from __future__ import annotations

import importlib
import logging
import sys
from dataclasses import dataclass

from facilitator.core import i18n
from facilitator.core.i18n import _
from facilitator.core.logsetup import configure_logging
from facilitator.core.paths import AppPaths, resolve_paths, resources_dir
from facilitator.core.settings import Settings, SettingsStore

log = logging.getLogger(__name__)

# Imported on a worker thread while the window is already on screen. Only modules that never
# touch PySide6: shiboken creates a Qt type's Python wrapper the first time it is used, and that
# is not safe while the GUI thread may be doing the same, so the Qt side (app.py
# ``UI_MODULES``) is imported on the GUI thread (tests/ui/test_startup_phases.py keeps it so).
HEAVY_MODULES = (
    "facilitator.core.content.catalog",
    "facilitator.core.content.validate",
    "facilitator.core.content.media_probe",
    "facilitator.core.storage.database",
    "facilitator.core.storage.repository",
    "facilitator.core.export.service",
    "facilitator.core.export.gather",
    "facilitator.core.planning",
    "facilitator.core.presentation.cards",
    "facilitator.core.content.importer",
    "facilitator.core.session.engine",
    "facilitator.core.session.landing",
    "facilitator.core.plan_files",
    "facilitator.core.precheck_modules",
    "facilitator.core.films.subtitles",
)


@dataclass
class Startup:
    paths: AppPaths
    settings_store: SettingsStore
    settings: Settings
    problems: list[str]


def prepare(portable: bool, language: str | None) -> Startup:
    """Everything before Qt: folders, logging, settings, language."""
    paths = resolve_paths(portable=portable)
    problems: list[str] = []
    try:
        paths.ensure()
        configure_logging(paths.log_file)
    except OSError as error:
        problems.append(
            _(
                "Datamappen {path} går inte att skriva till ({error}). Det du skriver under "
                "sessionen kan inte sparas förrän det är löst."
            ).format(path=paths.data_dir, error=error.strerror or error)
        )
    store = SettingsStore(paths.settings_file)
    loaded = store.load()
    if loaded.problem:
        problems.append(loaded.problem)
    chosen = language or loaded.settings.language
    if chosen == "auto":
        chosen = i18n.system_language()
    if not i18n.activate(chosen, resources_dir() / "locale"):
        log.warning("No catalogue for %s; using Swedish", chosen)
    return Startup(paths, store, loaded.settings, problems)


def warm_up() -> None:
    # The GUI thread needs the interpreter for every event a Python widget handles; a shorter
    # switch interval hands it over sooner while these imports run, so the window stays
    # responsive (measured: painting while they ran took 14-29 ms with the default 5 ms,
    # 8-12 ms with 0.5 ms).
    interval = sys.getswitchinterval()
    sys.setswitchinterval(0.0005)
    try:
        for name in HEAVY_MODULES:
            importlib.import_module(name)
    finally:
        sys.setswitchinterval(interval)
