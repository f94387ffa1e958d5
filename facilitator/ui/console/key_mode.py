"""Typing mode or clicker mode: which one the keys are in, shown on the console.

In clicker mode every key of the clicker and of the key sheet steers the session. While a
typing field (the reflection entry, a private note) has the focus, letters and Space are text
and only the clicker's PageUp, PageDown and F5 still steer. Enter (saving) and Esc leave the
field; so does a click anywhere outside it. The console shows the mode in words, so the leader
always knows what the next key will do.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from facilitator.core.i18n import _
from facilitator.ui.widgets.typing_keys import TYPING_FIELD


def typing_field_of(widget: QWidget | None) -> QWidget | None:
    while widget is not None:
        if widget.property(TYPING_FIELD):
            return widget
        widget = widget.parentWidget()
    return None


class KeyMode(QObject):
    def __init__(self, app: QApplication, console: QWidget, label: QLabel) -> None:
        super().__init__(console)
        self._app = app
        self._console = console
        self._label = label
        self.typing = False
        app.focusChanged.connect(self._on_focus)
        self._show()

    def release(self) -> None:
        self._app.focusChanged.disconnect(self._on_focus)
        self._app.removeEventFilter(self)

    def _on_focus(self, _old: QWidget | None, new: QWidget | None) -> None:
        field = typing_field_of(new)
        typing = field is not None and self._console.isAncestorOf(field)
        if typing != self.typing:
            self.typing = typing
            # Every event of the app passes an application filter: only while typing, when a
            # click outside the field has to be noticed.
            if typing:
                self._app.installEventFilter(self)
            else:
                self._app.removeEventFilter(self)
            self._show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            self.typing
            and event.type() == QEvent.Type.MouseButtonPress
            and isinstance(event, QMouseEvent)
            and isinstance(watched, QWidget)
            and typing_field_of(watched) is None
        ):
            # A click outside the field (a console button, the run sheet, anywhere) hands
            # the keys back to the clicker; the click itself still does what it does.
            field = typing_field_of(self._app.focusWidget())
            if field is not None:
                field.clearFocus()
        return False

    def _show(self) -> None:
        if self.typing:
            self._label.setText(_("✎ Skrivläge – Enter sparar · Esc tillbaka till klickern"))
        else:
            self._label.setText(_("Klickerläge – tangenterna styr sessionen"))
        # The chip's colours are the look's (console.qss, QLabel#keyMode), chosen by the
        # property; polishing again applies them.
        self._label.setProperty("typing", self.typing)
        self._label.style().unpolish(self._label)
        self._label.style().polish(self._label)
