"""Before the first window: is there a display at all, and Qt's own texts in the app's
language."""

from __future__ import annotations

import logging
from collections.abc import Mapping

from PySide6.QtCore import QLibraryInfo, QTranslator
from PySide6.QtWidgets import QApplication

from facilitator.core.i18n import _

log = logging.getLogger(__name__)


def display_problem(environ: Mapping[str, str], platform: str) -> str | None:
    """On Linux and BSD a window needs an X11 or Wayland display (or an explicit Qt platform)."""
    if not platform.startswith(("linux", "freebsd", "openbsd")):
        return None
    if environ.get("QT_QPA_PLATFORM") or environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"):
        return None
    return _(
        "Ingen bildskärm hittades, så fönstret kan inte visas. Starta appen från skrivbordet, "
        "eller ange en skärm med DISPLAY. Kommandona (facilitator modules, check, export …) "
        "fungerar utan skärm."
    )


def install_qt_translation(qapp: QApplication, language: str) -> QTranslator | None:
    """Qt's own texts (standard buttons, file dialogs) in the app's language."""
    translator = QTranslator(qapp)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(f"qtbase_{language}", folder):
        qapp.installTranslator(translator)
        return translator
    log.info("No Qt translation for %s in %s", language, folder)
    return None
