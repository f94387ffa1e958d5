"""The Qt-free side of starting: folders, logging, settings and the language, before the
window (decision 0004).

Kept apart from the composition root, and free of PySide6, so the command line can prepare
before PySide6 is imported and a problem found here (an unwritable data folder, a garbled
settings file) is known before the first window.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from facilitator.core import i18n
from facilitator.core.i18n import _
from facilitator.core.logsetup import configure_logging
from facilitator.core.owner_only import restrict_new_files, tighten_data_folders
from facilitator.core.paths import AppPaths, resolve_paths, resources_dir
from facilitator.core.settings import Settings, SettingsStore

log = logging.getLogger(__name__)


@dataclass
class Startup:
    paths: AppPaths
    settings_store: SettingsStore
    settings: Settings
    problems: list[str]


def prepare(portable: bool, language: str | None) -> Startup:
    """Everything before Qt: folders, logging, settings, language."""
    restrict_new_files()  # before the first folder or file is made
    paths = resolve_paths(portable=portable)
    problems: list[str] = []
    try:
        paths.ensure()
        tighten_data_folders(paths)
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
