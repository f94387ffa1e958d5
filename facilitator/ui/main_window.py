"""The main window: menus and the pages (library, planner, session) in a stack."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QByteArray, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QFrame,
    QMainWindow,
    QMenu,
    QScrollArea,
    QStackedWidget,
    QWidget,
)

from facilitator.core.i18n import _
from facilitator.ui.shortcuts import bind_keys

# Qt.Key_Return, Qt.Key_Enter and Qt.KeypadModifier as numbers: naming them through `Qt` would
# build its whole namespace before the first paint (decision 0004).
_RETURN, _ENTER, _KEYPAD = 0x01000004, 0x01000005, 0x20000000


class MainWindow(QMainWindow):
    import_module_requested = Signal()
    check_requested = Signal()
    about_requested = Signal()
    keys_requested = Signal()
    history_requested = Signal()
    library_requested = Signal()
    settings_requested = Signal()
    logbook_requested = Signal()
    self_study_requested = Signal(str)  # a module's id: go through it alone

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Facilitator"))
        self.setObjectName("mainWindow")
        self._pages = QStackedWidget()
        self.setCentralWidget(self._pages)
        self._needs_parts: list[QAction] = []
        self._build_menus()
        self.resize(1200, 780)
        # Asked before the window closes (Ctrl+Q, Arkiv → Avsluta, the window's own close
        # button); False keeps it open. The composition root sets it.
        self.may_close: Callable[[], bool] = lambda: True

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter presses the focused button, as Space does. Qt does that only in dialogs: on a
        page a button passes Enter on, and it arrives here (found with real keys: "Starta
        sessionen" and the close-out's "Spara" ignored Enter)."""
        focused = QApplication.focusWidget()
        if (
            event.key() in (_RETURN, _ENTER)
            and not event.modifiers().value & ~_KEYPAD
            and isinstance(focused, QAbstractButton)
            and focused.window() is self
            and focused.isEnabled()
        ):
            focused.click()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.may_close():
            event.accept()
        else:
            event.ignore()

    def open_self_study(self, module_id: str) -> None:
        """Go through the module alone (the library's and the module page's way there)."""
        self.self_study_requested.emit(module_id)

    def add_page(self, page: QWidget) -> None:
        """Each page in a scroll area that scrolls only when the page cannot shrink to the
        window: at 200 % text scaling a 1080p screen is 960×540, and a page's minimum size
        must never push the window (and its buttons) off the screen."""
        holder = QScrollArea()
        holder.setWidgetResizable(True)
        holder.setFrameShape(QFrame.Shape.NoFrame)
        # Not a tab stop of its own. Qt.NoFocus (0) through the property: touching any of Qt's
        # enums builds the whole `Qt` namespace (≈ 25 ms) before the first paint (decision 0004).
        holder.setProperty("focusPolicy", 0)
        holder.setWidget(page)
        page.destroyed.connect(holder.deleteLater)
        self._pages.addWidget(holder)

    def show_page(self, page: QWidget) -> None:
        holder = self._holder_of(page)
        if holder is not None:
            self._pages.setCurrentWidget(holder)

    def current_page(self) -> QWidget | None:
        holder = self._pages.currentWidget()
        return holder.widget() if isinstance(holder, QScrollArea) else None

    def _holder_of(self, page: QWidget) -> QScrollArea | None:
        for index in range(self._pages.count()):
            holder = self._pages.widget(index)
            if isinstance(holder, QScrollArea) and holder.widget() is page:
                return holder
        return None

    def set_parts_ready(self, ready: bool) -> None:
        """The menu's commands work once the parts behind them are assembled, a moment after
        the library shows (decision 0004); until then they are greyed out, not silently
        ignored. Quitting always works."""
        for action in self._needs_parts:
            action.setEnabled(ready)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(_("&Arkiv"))
        self._action(file_menu, _("&Importera modul…"), self.import_module_requested.emit, "Ctrl+I")
        self._action(file_menu, _("Min &loggbok…"), self.logbook_requested.emit)
        self._action(file_menu, _("I&nställningar…"), self.settings_requested.emit, "Ctrl+,")
        file_menu.addSeparator()
        self._action(file_menu, _("&Avsluta"), self.close, "Ctrl+Q")
        session_menu = bar.addMenu(_("&Session"))
        self._action(session_menu, _("&Modulbibliotek"), self.library_requested.emit, "Ctrl+L")
        self._action(session_menu, _("&Tidigare sessioner"), self.history_requested.emit, "Ctrl+H")
        self._action(
            session_menu, _("&Kontroll före session…"), self.check_requested.emit, "Ctrl+K"
        )
        help_menu = bar.addMenu(_("&Hjälp"))
        self._action(help_menu, _("&Kortkommandon"), self.keys_requested.emit, "F1")
        self._action(help_menu, _("&Om Facilitator"), self.about_requested.emit)

    def _action(
        self,
        menu: QMenu,
        text: str,
        slot: Callable[[], object],
        shortcut: str | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            bind_keys(action, shortcut)
        action.triggered.connect(slot)
        menu.addAction(action)
        if slot != self.close:
            self._needs_parts.append(action)
        return action


def window_place(window: QWidget) -> str:
    """Where ``window`` is and how big, to keep in the settings (Qt's own format, base64)."""
    return bytes(window.saveGeometry().toBase64().data()).decode("ascii")


def show_in_place(window: QWidget, place: str | None) -> None:
    """Show ``window`` where it was last, or maximised on the laptop's screen."""
    if place and window.restoreGeometry(QByteArray.fromBase64(place.encode("ascii"))):
        screen = window.screen()
        # Only where it still fits: another laptop, another projector or another scaling
        # since last time, and it opens maximised instead.
        if screen is not None and screen.availableGeometry().contains(window.geometry()):
            window.show()
            return
    screen = window.screen()
    if screen is not None:
        # Without a window manager (a kiosk, a test display) "maximised" is only a wish.
        window.setGeometry(screen.availableGeometry())
    window.showMaximized()
