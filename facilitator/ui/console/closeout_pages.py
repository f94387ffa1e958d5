"""The close of a session, as the leader's console shows it: who came (counted, never named),
how the group answered the evaluation, and what the group wants to come back to.

Layout and signals only; the owner stores what they emit.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from facilitator.core.i18n import _, ngettext
from facilitator.core.markdown.html import markdown_html
from facilitator.core.storage.records import (
    AttendanceCounts,
    Gender,
    ReflectionKind,
    ReflectionRecord,
    TargetGroup,
)
from facilitator.ui.console.evaluation_page import EvaluationPage
from facilitator.ui.widgets.count_spin import CountSpin
from facilitator.ui.widgets.reflection_list import ReflectionList, ReflectionRow

__all__ = ["AttendancePage", "EvaluationPage", "ParkingLotPage"]


def page_heading(layout: QVBoxLayout, title: str, hint: str) -> None:
    heading = QLabel(title)
    heading.setObjectName("pageTitle")
    layout.addWidget(heading)
    note = QLabel(hint)
    note.setObjectName("muted")
    note.setWordWrap(True)
    note.setStyleSheet("font-size: 12pt;")
    layout.addWidget(note)


def footer_button(text: str, tooltip: str, primary: bool = False) -> QPushButton:
    button = QPushButton(text)
    button.setToolTip(tooltip)
    button.setMinimumHeight(48)
    button.setStyleSheet("font-size: 12pt;")
    if primary:
        button.setObjectName("primary")
    return button


class AttendancePage(QWidget):
    saved = Signal(AttendanceCounts)
    skipped = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attendancePage")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        page_heading(layout, _("Deltagare"), _("Räkna bara hur många – inga namn behövs."))
        columns = QHBoxLayout()
        columns.setSpacing(32)
        self.gender: dict[Gender, CountSpin] = {}
        self.target_groups: dict[TargetGroup, CountSpin] = {}
        gender_box, gender_grid = self._column(_("Kön"), _("Varje deltagare räknas en gång."))
        for row, gender in enumerate(Gender):
            self.gender[gender] = self._count_row(gender_grid, row, gender.label)
        self.total = QLabel()
        self.total.setObjectName("attendanceTotal")
        self.total.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.total.setContentsMargins(0, 8, 0, 0)
        gender_grid.addWidget(self.total, len(Gender), 0, 1, 2)
        group_box, group_grid = self._column(
            _("Målgrupp"), _("En person kan höra till flera målgrupper, eller till ingen.")
        )
        for row, group in enumerate(TargetGroup):
            self.target_groups[group] = self._count_row(group_grid, row, group.label)
        columns.addWidget(gender_box, 1)
        columns.addWidget(group_box, 1)
        layout.addLayout(columns)
        layout.addStretch(1)
        footer = QHBoxLayout()
        footer.addStretch(1)
        skip = footer_button(_("Hoppa över"), _("Gå vidare utan att räkna deltagare"))
        skip.clicked.connect(self.skipped.emit)
        save = footer_button(_("Spara"), _("Spara antalet deltagare (Ctrl+Enter)"), primary=True)
        save.setShortcut("Ctrl+Return")
        save.clicked.connect(self._save)
        footer.addWidget(skip)
        footer.addWidget(save)
        layout.addLayout(footer)
        self._update_total()

    def _column(self, title: str, hint: str) -> tuple[QFrame, QGridLayout]:
        box = QFrame()
        box.setObjectName("card")
        column = QVBoxLayout(box)
        column.setContentsMargins(20, 16, 20, 16)
        heading = QLabel(title)
        heading.setObjectName("cardTitle")
        column.addWidget(heading)
        note = QLabel(hint)
        note.setObjectName("muted")
        note.setWordWrap(True)
        note.setStyleSheet("font-size: 11pt;")
        column.addWidget(note)
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(10)
        grid.setColumnStretch(0, 1)
        column.addLayout(grid)
        column.addStretch(1)
        return box, grid

    def _count_row(self, grid: QGridLayout, row: int, label: str) -> CountSpin:
        text = QLabel(label)
        text.setWordWrap(True)
        text.setStyleSheet("font-size: 13pt;")
        spin = CountSpin(label)
        text.setBuddy(spin.spin)
        spin.value_changed.connect(self._update_total)
        grid.addWidget(text, row, 0)
        grid.addWidget(spin, row, 1)
        return spin

    def _update_total(self) -> None:
        total = self.counts().total
        self.total.setText(
            ngettext("Totalt: {n} deltagare", "Totalt: {n} deltagare", total).format(n=total)
        )

    def _save(self) -> None:
        self.saved.emit(self.counts())

    def counts(self) -> AttendanceCounts:
        return AttendanceCounts.of(
            {g: spin.value() for g, spin in self.gender.items()},
            {t: spin.value() for t, spin in self.target_groups.items()},
        )

    def set_counts(self, counts: AttendanceCounts | None) -> None:
        """Earlier counts to correct, or None to start from zero."""
        counts = counts or AttendanceCounts()
        for gender, count in counts.by_gender().items():
            self.gender[gender].set_value(count)
        for group, count in counts.by_target_group().items():
            self.target_groups[group].set_value(count)
        self._update_total()

    def focus_first(self) -> None:
        self.gender[Gender.WOMEN].setFocus(Qt.FocusReason.OtherFocusReason)


class ParkingLotPage(QWidget):
    """What the group asked to come back to, and what it agreed on, before everyone leaves."""

    export_requested = Signal()
    done = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("parkingLotPage")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        heading = QLabel(_("Innan ni går"))
        heading.setObjectName("pageTitle")
        layout.addWidget(heading)
        self.closing = QLabel()
        self.closing.setObjectName("closingWords")
        # The closing step's body is the module's Markdown ("## Tack för i dag!"), once shown
        # here with its marks.
        self.closing.setTextFormat(Qt.TextFormat.RichText)
        self.closing.setWordWrap(True)
        self.closing.setStyleSheet("font-size: 14pt;")
        self.closing.hide()
        layout.addWidget(self.closing)
        columns = QHBoxLayout()
        columns.setSpacing(24)
        self.parking, self._no_parking = self._list(
            columns, ReflectionKind.PARKING.heading, ReflectionKind.PARKING.empty_text
        )
        self.agreements, self._no_agreements = self._list(
            columns, ReflectionKind.ACTION.heading, ReflectionKind.ACTION.empty_text
        )
        layout.addLayout(columns, 1)
        footer = QHBoxLayout()
        export = footer_button(
            _("Exportera sammanfattning"),
            _("Spara en sammanfattning att dela. Dina privata anteckningar följer inte med."),
        )
        export.clicked.connect(self.export_requested.emit)
        finish = footer_button(_("Klar"), _("Avsluta sessionen (Ctrl+Enter)"), primary=True)
        finish.setShortcut("Ctrl+Return")
        finish.clicked.connect(self.done.emit)
        footer.addWidget(export)
        footer.addStretch(1)
        footer.addWidget(finish)
        layout.addLayout(footer)
        self.set_reflections([])

    def _list(self, columns: QHBoxLayout, title: str, empty: str) -> tuple[ReflectionList, QLabel]:
        box = QVBoxLayout()
        heading = QLabel(title)
        heading.setObjectName("cardTitle")
        box.addWidget(heading)
        items = ReflectionList(editable=False)
        items.setAccessibleName(title)
        items.setStyleSheet("QListWidget { font-size: 13pt; }")  # colours: the look's
        box.addWidget(items, 1)
        note = QLabel(empty)
        note.setObjectName("muted")
        note.setStyleSheet("font-size: 12pt;")
        box.addWidget(note)
        box.addStretch(0)
        columns.addLayout(box, 1)
        return items, note

    def set_closing_text(self, text: str) -> None:
        """The words to end on (the module's closing step, in Markdown); hidden when empty."""
        self.closing.setText(markdown_html(text))
        self.closing.setVisible(bool(text.strip()))

    def set_reflections(self, records: Sequence[ReflectionRecord]) -> None:
        """Every reflection of the session; only those to come back to and agreements show,
        each under the question it came up at."""
        for kind, target, note in (
            (ReflectionKind.PARKING, self.parking, self._no_parking),
            (ReflectionKind.ACTION, self.agreements, self._no_agreements),
        ):
            rows = [
                ReflectionRow(r.uuid, _shorten(r.prompt_text), r.text, True)
                for r in records
                if r.kind == kind
            ]
            target.set_rows(rows)
            target.setVisible(bool(rows))
            note.setVisible(not rows)


def _shorten(text: str, limit: int = 90) -> str:
    """The prompt as a one-line heading over what was said at it."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"
