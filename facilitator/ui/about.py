"""The about box: versions of everything a support person asks for."""

from __future__ import annotations

import platform
import sqlite3

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from facilitator import __version__
from facilitator.core.i18n import _
from facilitator.core.paths import AppPaths
from facilitator.ui.video.availability import VlcStatus


class AboutDialog(QDialog):
    def __init__(self, vlc: VlcStatus, paths: AppPaths, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Om Facilitator"))
        layout = QVBoxLayout(self)
        heading = QLabel(_("Facilitator {version}").format(version=__version__))
        heading.setObjectName("pageTitle")
        layout.addWidget(heading)
        blurb = QLabel(
            _(
                "Ett verktyg för samtalsledare som leder samtal om interkulturell kompetens. "
                "Fungerar helt utan nätverk."
            )
        )
        blurb.setWordWrap(True)
        layout.addWidget(blurb)
        form = QFormLayout()
        form.addRow(_("Qt:"), QLabel(f"{qVersion()} (PySide6 {PySide6.__version__})"))
        vlc_label = QLabel(vlc.label if vlc.available else f"{vlc.label}. {vlc.problem}")
        vlc_label.setObjectName("vlcVersion")
        vlc_label.setWordWrap(True)
        form.addRow(_("VLC (film):"), vlc_label)
        if vlc.library:
            # Which libVLC plays the films: the app's own when installed from the bundle.
            library_label = QLabel(vlc.library)
            library_label.setObjectName("vlcLibrary")
            library_label.setWordWrap(True)
            library_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(_("VLC-bibliotek:"), library_label)
        form.addRow(_("SQLite:"), QLabel(sqlite3.sqlite_version))
        form.addRow(_("Python:"), QLabel(platform.python_version()))
        form.addRow(_("Datamapp:"), QLabel(str(paths.data_dir)))
        form.addRow(_("Loggfil:"), QLabel(str(paths.log_file)))
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(_("Stäng"))
        layout.addWidget(buttons)
        self.setMinimumWidth(520)
