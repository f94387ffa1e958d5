"""A module's own page, the one a leader prepares from: what it is about and what it aims at,
its steps in each length, its film to watch with subtitles and its text, the printables ready
to print, and the ways on: plan a session, or go through it alone.

Opened from the library (Enter or a double-click on a card, or "Visa modulen"); Esc or
"Tillbaka till biblioteket" goes back. Imported only when a module is first opened: the
library's first paint does without it (decision 0004)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QHideEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from facilitator.core.content.manifest import Manifest
from facilitator.core.i18n import N_, _
from facilitator.ui.accessible import name_by_label
from facilitator.ui.library.module_facts import goal_lines, has_signs, step_rows
from facilitator.ui.library.module_film import FilmPanel
from facilitator.ui.library.module_printing import GUIDE, HANDOUT, SIGNS

# The planner's run-sheet words, so the two tables read alike.
COLUMNS = (N_("Start"), N_("Steg"), N_("Form"), N_("Minuter"))


def heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("cardTitle")
    return label


class ModulePage(QWidget):
    back_requested = Signal()
    plan_requested = Signal(int)  # minutes
    print_requested = Signal(str, int)  # GUIDE, HANDOUT or SIGNS; minutes
    self_study_requested = Signal()
    text_requested = Signal()

    def __init__(self, film: FilmPanel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("modulePage")
        self._manifest: Manifest | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)
        top = QHBoxLayout()
        self.back_button = QPushButton(_("Tillbaka till biblioteket"))
        self.back_button.setToolTip(_("Tillbaka till modulerna (Esc)"))
        self.back_button.clicked.connect(self.back_requested.emit)
        top.addWidget(self.back_button)
        top.addStretch(1)
        layout.addLayout(top)
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.facts = QLabel()
        self.facts.setObjectName("muted")
        self.facts.setWordWrap(True)
        layout.addWidget(self.facts)
        columns = QHBoxLayout()
        columns.setSpacing(32)
        # Each column keeps to its own height at the top: the taller one sets the page's, and
        # the other's labels are not spread out to match.
        for build, stretch in ((self._build_contents, 3), (lambda: self._build_side(film), 2)):
            host = QWidget()
            host_layout = build()
            host_layout.setContentsMargins(0, 0, 0, 0)
            host.setLayout(host_layout)
            columns.addWidget(host, stretch, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(columns)
        layout.addStretch(1)
        layout.addLayout(self._build_footer())
        back = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        back.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        back.activated.connect(self.back_requested.emit)
        text = QShortcut(QKeySequence(Qt.Key.Key_T), self)
        text.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        text.activated.connect(self.text_requested.emit)

    def _build_contents(self) -> QVBoxLayout:
        column = QVBoxLayout()
        column.addWidget(heading(_("Det här lär man sig")))
        self.goals = QLabel()
        self.goals.setWordWrap(True)
        # A list with hanging lines; the module's words escaped, never taken as markup.
        self.goals.setTextFormat(Qt.TextFormat.RichText)
        self.goals.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        column.addWidget(self.goals)
        column.addSpacing(8)
        steps_row = QHBoxLayout()
        steps_row.addWidget(heading(_("Stegen")), 1)
        length_label = QLabel(_("Längd:"))
        steps_row.addWidget(length_label)
        self.length = QComboBox()
        self.length.setMinimumContentsLength(len(_("{m} min").format(m=120)) + 2)
        name_by_label(length_label, self.length)
        self.length.currentIndexChanged.connect(lambda _index: self._show_length())
        steps_row.addWidget(self.length)
        column.addLayout(steps_row)
        self.steps = QTableWidget(0, len(COLUMNS))
        self.steps.setObjectName("moduleSteps")
        self.steps.setHorizontalHeaderLabels([_(c) for c in COLUMNS])
        self.steps.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.steps.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.steps.setTabKeyNavigation(False)  # Tab leaves the table; the arrows move in it
        self.steps.verticalHeader().setVisible(False)
        self.steps.setWordWrap(False)
        header = self.steps.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.steps.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        column.addWidget(self.steps)
        self.total = QLabel()
        self.total.setObjectName("muted")
        column.addWidget(self.total)
        return column

    def _build_side(self, film: FilmPanel) -> QVBoxLayout:
        column = QVBoxLayout()
        column.addWidget(heading(_("Filmen")))
        self.film = film
        column.addWidget(film)
        column.addSpacing(16)
        column.addWidget(heading(_("Att skriva ut")))
        hint = QLabel(_("PDF-filer att skriva ut eller läsa på skärmen."))
        hint.setObjectName("muted")
        hint.setWordWrap(True)
        column.addWidget(hint)
        self.guide_button = QPushButton(_("Förberedelseguide"))
        self.guide_button.setToolTip(
            _("Allt om modulen för dig som leder: stegen, handledningen och filmens text")
        )
        self.guide_button.clicked.connect(lambda: self._print(GUIDE))
        self.handout_button = QPushButton()
        self.handout_button.clicked.connect(lambda: self._print(HANDOUT))
        self.signs_button = QPushButton()
        self.signs_button.clicked.connect(lambda: self._print(SIGNS))
        for button in (self.guide_button, self.handout_button, self.signs_button):
            column.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        return column

    def _build_footer(self) -> QHBoxLayout:
        footer = QHBoxLayout()
        footer.addStretch(1)
        self.self_study_button = QPushButton(_("Gå igenom på egen hand"))
        self.self_study_button.clicked.connect(self.self_study_requested.emit)
        self.self_study_button.setToolTip(
            _("Gå igenom modulen själv, i din egen takt, och skriv dina svar")
        )
        footer.addWidget(self.self_study_button)
        self.plan_button = QPushButton(_("Planera session"))
        self.plan_button.setObjectName("primary")
        self.plan_button.setToolTip(_("Gå vidare till körschemat med den här längden"))
        self.plan_button.clicked.connect(self._plan)
        footer.addWidget(self.plan_button)
        return footer

    # --- what the page shows -----------------------------------------------------------------

    @property
    def manifest(self) -> Manifest | None:
        return self._manifest

    def show_module(self, manifest: Manifest, facts: str, minutes: int | None = None) -> None:
        """Show ``manifest``; ``facts`` is the card's line (lengths, film, languages);
        ``minutes`` the length to show first, where the module has it."""
        self._manifest = manifest
        self.title.setText(manifest.title.sv)
        self.summary.setText(manifest.summary.sv)
        self.facts.setText(facts)
        items = "".join(f"<li>{escape(line)}</li>" for line in goal_lines(manifest))
        self.goals.setText(f'<ul style="margin-left: 0; -qt-list-indent: 1;">{items}</ul>')
        self.length.blockSignals(True)
        self.length.clear()
        for variant in sorted(manifest.variants, key=lambda v: v.minutes):
            self.length.addItem(_("{m} min").format(m=variant.minutes), variant.minutes)
        index = self.length.findData(minutes) if minutes is not None else -1
        self.length.setCurrentIndex(index if index >= 0 else min(1, self.length.count() - 1))
        self.length.blockSignals(False)
        self._show_length()

    def minutes(self) -> int:
        return int(self.length.currentData())

    def _show_length(self) -> None:
        manifest = self._manifest
        if manifest is None or self.length.currentData() is None:
            return
        minutes = self.minutes()
        rows = step_rows(manifest, minutes)
        self.steps.setRowCount(len(rows))
        for number, row in enumerate(rows):
            cells = (row.start, row.title, row.form, str(row.minutes))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column in (0, 3):
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.steps.setItem(number, column, item)
        self._fit_steps()
        self.steps.setAccessibleName(_("Stegen i {m} min").format(m=minutes))
        self.total.setText(
            _("{n} steg · {m} min sammanlagt").format(
                n=len(rows), m=sum(row.minutes for row in rows)
            )
        )
        self.handout_button.setText(_("Deltagarmaterial, {m} min").format(m=minutes))
        self.handout_button.setToolTip(
            _("Inledningen och frågorna som deltagarna får i {m} minuter").format(m=minutes)
        )
        signs = has_signs(manifest, minutes)
        self.signs_button.setVisible(signs)
        self.signs_button.setText(_("Skyltar, {m} min").format(m=minutes))
        self.signs_button.setToolTip(_("Skyltarna att sätta upp, en liggande sida var"))

    def _fit_steps(self) -> None:
        """Every step in view without a scroll bar of its own: the page scrolls, if anything,
        and a leader reads the whole run sheet at a glance."""
        rows = self.steps.verticalHeader().defaultSectionSize() * self.steps.rowCount()
        frame = 2 * self.steps.frameWidth() + 4
        self.steps.setFixedHeight(self.steps.horizontalHeader().height() + rows + frame)

    def _print(self, kind: str) -> None:
        if self._manifest is not None:
            self.print_requested.emit(kind, self.minutes())

    def _plan(self) -> None:
        if self._manifest is not None:
            self.plan_requested.emit(self.minutes())

    def hideEvent(self, event: QHideEvent) -> None:
        # Leaving the page (Esc, the menu, a session) stops the film: it plays here only.
        self.film.stop()
        super().hideEvent(event)
