"""The reflection entry in the console's right column: choose a kind, type, press Enter.

Layout and signals only. The panel never decides that something is saved: it draws the
session ledger's word for each row (``show_reflections``), because only the storage knows when
a row is on disk.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from facilitator.core.application.reflection_ledger import SaveState, StepReflections
from facilitator.core.glossary import REFLECTION_KINDS
from facilitator.core.i18n import N_, _
from facilitator.core.storage.records import ReflectionKind
from facilitator.ui.accessible import set_text_named
from facilitator.ui.widgets import confirm as confirming
from facilitator.ui.widgets.reflection_entry import ReflectionEntry
from facilitator.ui.widgets.reflection_list import ReflectionList, ReflectionRow
from facilitator.ui.widgets.save_state_label import SaveStateLabel

# The words the leader sees for each kind: the glossary's, the same as in the PDF and the CSV.
KIND_WORDS = {kind: REFLECTION_KINDS[kind.value].word for kind in ReflectionKind}
KIND_KEYS = {
    ReflectionKind.NOTE: "Ctrl+1",
    ReflectionKind.QUOTE: "Ctrl+2",
    ReflectionKind.PARKING: "Ctrl+3",
    ReflectionKind.ACTION: "Ctrl+4",
}
PLACEHOLDERS = {
    ReflectionKind.NOTE: N_("Skriv en anteckning och tryck Enter"),
    ReflectionKind.QUOTE: N_("Skriv citatet och tryck Enter"),
    ReflectionKind.PARKING: N_("Skriv det ni ska återkomma till och tryck Enter"),
    ReflectionKind.ACTION: N_("Skriv överenskommelsen och tryck Enter"),
}
PENDING_MARK = "…"


def kind_word(kind: ReflectionKind) -> str:
    return _(KIND_WORDS[kind])


@dataclass
class _Row:
    uuid: str
    kind: ReflectionKind
    text: str
    saved: bool


class ReflectionPanel(QWidget):
    submitted = Signal(ReflectionKind, str)  # kind, text
    edited = Signal(str, str, ReflectionKind)  # uuid, text, kind
    deleted = Signal(str)  # uuid

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reflectionPanel")
        self._kind = ReflectionKind.NOTE
        self._rows: list[_Row] = []
        self._editing: str | None = None
        # What the leader had typed (and its kind) before starting to edit an older row.
        self._draft: tuple[str, ReflectionKind] = ("", ReflectionKind.NOTE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(self._build_header())
        layout.addLayout(self._build_kinds())
        self._mode = QLabel()
        self._mode.setObjectName("muted")
        self._mode.setStyleSheet("font-size: 11pt;")
        self._mode.setWordWrap(True)
        layout.addWidget(self._mode)
        self.entry = ReflectionEntry()
        self.entry.setAccessibleName(_("Ny reflektion"))
        self.entry.setToolTip(_("Enter sparar · Skift+Enter ny rad · Esc lämnar fältet"))
        self.entry.submit.connect(self._submit)
        self.entry.cancel.connect(self._cancel)
        layout.addWidget(self.entry)
        layout.addWidget(self._build_list(), 1)
        self._select_kind(ReflectionKind.NOTE)
        self._render()

    # --- layout ----------------------------------------------------------------------------

    def _build_header(self) -> QHBoxLayout:
        row = QHBoxLayout()
        title = QLabel(_("Reflektioner"))
        title.setStyleSheet("font-size: 14pt; font-weight: 600;")
        row.addWidget(title, 1)
        self.save_state = SaveStateLabel()
        row.addWidget(self.save_state)
        return row

    def _build_kinds(self) -> QGridLayout:
        grid = QGridLayout()
        grid.setSpacing(6)
        self._kind_group = QButtonGroup(self)
        self._kind_group.setExclusive(True)
        self._kind_buttons: dict[ReflectionKind, QPushButton] = {}
        for index, kind in enumerate(ReflectionKind):
            button = QPushButton()
            button.setCheckable(True)
            button.setMinimumHeight(40)
            # Keeps the focus in the text field when clicked; Tab still reaches it.
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            button.setToolTip(_("{kind} ({key})").format(kind=kind_word(kind), key=KIND_KEYS[kind]))
            # Drawn by the app's stylesheet (console.qss), where its focus ring is too.
            button.setObjectName("reflectionKind")
            self._kind_group.addButton(button, index)
            self._kind_buttons[kind] = button
            grid.addWidget(button, index // 2, index % 2)
            # A window shortcut: Ctrl+3 works wherever the focus is in the console, and puts
            # it in the text field, ready to type.
            shortcut = QShortcut(QKeySequence(KIND_KEYS[kind]), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(button.click)
        # Bound methods, not lambdas: PySide 6.12 mishandles a lambda that captures self when
        # connected to a widget without a parent yet ("shared QObject was deleted directly").
        self._kind_group.idClicked.connect(self._on_kind_clicked)
        return grid

    def _build_list(self) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 8, 0, 0)
        column.setSpacing(4)
        heading = QLabel(_("Till den här frågan"))
        heading.setStyleSheet("font-weight: 600;")
        column.addWidget(heading)
        self.list = ReflectionList()
        self.list.setAccessibleName(_("Sparade reflektioner"))
        self.list.edit_requested.connect(self.start_edit)
        self.list.delete_requested.connect(self.delete_selected)
        column.addWidget(self.list, 1)
        self._empty = QLabel(_("Inget sparat ännu. Det ni skriver hamnar här."))
        self._empty.setObjectName("muted")
        self._empty.setWordWrap(True)
        column.addWidget(self._empty)
        self._list_hint = QLabel(_("F2 ändrar · Delete tar bort"))
        self._list_hint.setObjectName("muted")
        column.addWidget(self._list_hint)
        column.addStretch(0)
        return box

    # --- the owner's setters ---------------------------------------------------------------

    def show_reflections(self, shown: StepReflections) -> None:
        """This prompt's reflections, oldest first, each as saved or on its way, and the
        session's save state in one word."""
        count = len(self._rows)
        self._rows = [
            _Row(e.record.uuid, e.record.kind, e.record.text, e.state == SaveState.SAVED)
            for e in shown.entries
        ]
        if self._editing is not None and not any(r.uuid == self._editing for r in self._rows):
            self._finish_edit()
        self._render()
        if len(self._rows) > count:
            self.list.scrollToBottom()
        self.set_save_state(shown.overall)

    def set_save_state(self, state: SaveState | None) -> None:
        self.save_state.show_state(state)

    def kind(self) -> ReflectionKind:
        return self._kind

    def focus_entry(self) -> None:
        self.entry.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # --- typing ----------------------------------------------------------------------------

    def _on_kind_clicked(self, index: int) -> None:
        self._choose(list(ReflectionKind)[index])

    def _choose(self, kind: ReflectionKind) -> None:
        self._select_kind(kind)
        self.focus_entry()

    def _select_kind(self, kind: ReflectionKind) -> None:
        self._kind = kind
        for each, button in self._kind_buttons.items():
            button.setChecked(each == kind)
            # A tick besides the colour, so the chosen kind reads in greyscale too.
            set_text_named(button, ("✓ " if each == kind else "") + kind_word(each))
        self.entry.setPlaceholderText(_(PLACEHOLDERS[kind]))
        self._show_mode()

    def _show_mode(self) -> None:
        if self._editing is None:
            text = _("Ny: {kind}").format(kind=kind_word(self._kind))
        else:
            text = _("Du ändrar: {kind} – Enter sparar, Esc avbryter").format(
                kind=kind_word(self._kind)
            )
        self._mode.setText(text)

    def _submit(self) -> None:
        text = self.entry.text().strip()
        if self._editing is not None:
            uuid = self._editing
            row = next((r for r in self._rows if r.uuid == uuid), None)
            if row is not None and text and (text, self._kind) != (row.text, row.kind):
                self.edited.emit(uuid, text, self._kind)
            self._finish_edit()
            self.entry.clearFocus()
            return
        if not text:
            return
        self.submitted.emit(self._kind, text)
        self.entry.clear()
        # Saved: the keys go back to steering the session (clicker mode).
        self.entry.clearFocus()

    def _cancel(self) -> None:
        if self._editing is not None:
            self._finish_edit()
            return
        # Esc hands the keys back to the clicker (Space, B, P…) without losing the text.
        self.entry.clearFocus()

    # --- the list: edit and delete ---------------------------------------------------------

    def _selected_row(self) -> _Row | None:
        uuid = self.list.current_uuid()
        return next((r for r in self._rows if r.uuid == uuid), None)

    def start_edit(self) -> None:
        """Load the selected reflection into the text field to change its text or kind."""
        row = self._selected_row()
        if row is None:
            return
        if self._editing is None:
            self._draft = (self.entry.text(), self._kind)
        self._editing = row.uuid
        self.entry.setAccessibleName(_("Ändra reflektion"))
        self.entry.setPlainText(row.text)
        self.entry.moveCursor(QTextCursor.MoveOperation.End)
        self._select_kind(row.kind)
        self.focus_entry()

    def _finish_edit(self) -> None:
        self._editing = None
        draft, kind = self._draft
        self._draft = ("", ReflectionKind.NOTE)
        self.entry.setAccessibleName(_("Ny reflektion"))
        self.entry.setPlainText(draft)
        self._select_kind(kind)

    def delete_selected(self) -> None:
        row = self._selected_row()
        if row is None:
            return
        sure = confirming.confirm(
            self,
            _("Ta bort reflektionen?"),
            _("”{text}”").format(text=_shorten(row.text)),
            _("Den tas bort för gott och går inte att få tillbaka."),
            _("Ta bort"),
        )
        if not sure:
            return
        if self._editing == row.uuid:
            self._finish_edit()
        self.deleted.emit(row.uuid)

    def _render(self) -> None:
        rows = []
        for row in self._rows:
            head = kind_word(row.kind) + ("" if row.saved else f"  {PENDING_MARK}")
            rows.append(ReflectionRow(row.uuid, head, row.text, row.saved))
        self.list.set_rows(rows)
        has_rows = bool(rows)
        self.list.setVisible(has_rows)
        self._list_hint.setVisible(has_rows)
        self._empty.setVisible(not has_rows)


def _shorten(text: str, limit: int = 120) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
