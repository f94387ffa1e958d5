"""Every session run on this laptop: search, filter, open, export, delete for real.

Layout and signals only. Changing a filter emits ``query_changed``; the owner runs the query
off the GUI thread and hands the result to ``set_page``. A result for filters the leader has
since changed is dropped, so a slow search never overwrites a newer one.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import QDate, QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from facilitator.core.collation import sort_key
from facilitator.core.i18n import _, ngettext
from facilitator.core.storage.records import HistoryPage as HistoryResult
from facilitator.core.storage.records import HistoryQuery, SessionLifecycle, SessionSummary
from facilitator.ui.accessible import name_by_label
from facilitator.ui.library.history_model import (
    TITLE_COLUMN,
    Period,
    SessionTableModel,
    query_bounds,
)

PAGE_SIZE = 50
SEARCH_DELAY_MS = 300


class SessionHistoryPage(QWidget):
    query_changed = Signal(HistoryQuery)
    open_requested = Signal(str)  # session uuid
    delete_requested = Signal(str)  # not yet confirmed: the owner asks
    export_requested = Signal(str)

    def __init__(self, page_size: int = PAGE_SIZE, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyPage")
        self._page_size = page_size
        self._total = 0
        self._searching = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)
        heading = QLabel(_("Tidigare sessioner"))
        heading.setObjectName("pageTitle")
        layout.addWidget(heading)
        layout.addLayout(self._build_filters())
        self.model = SessionTableModel()
        self.table = QTableView()
        self.table.setObjectName("historyTable")
        self.table.setAccessibleName(_("Tidigare sessioner"))
        self.table.setModel(self.model)
        # Arrows move between the sessions; Tab leaves the table (it walked every cell).
        self.table.setTabKeyNavigation(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setStyleSheet("QTableView { font-size: 12pt; }")
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(40)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(TITLE_COLUMN, QHeaderView.ResizeMode.Stretch)
        for column, width in enumerate((170, 0, 160, 260, 100, 110)):
            if width:
                self.table.setColumnWidth(column, width)
        self.table.doubleClicked.connect(self._on_double_click)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.table.installEventFilter(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(self._build_footer())
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._emit_first_page)
        find = QShortcut(QKeySequence.StandardKey.Find, self)
        find.activated.connect(self._focus_search)
        self._show_count()
        self._update_buttons()

    # --- layout ----------------------------------------------------------------------------

    def _build_filters(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(8)
        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Sök på titel, plats eller modul (Ctrl+F)"))
        self.search.setAccessibleName(_("Sök"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumHeight(40)
        self.search.setStyleSheet("font-size: 12pt;")
        self.search.textChanged.connect(self._on_search_text)
        self.search.returnPressed.connect(self._emit_first_page)
        row.addWidget(self.search, 2)
        self.status = self._combo(row, _("Status:"))
        self.status.addItem(_("Oavsett status"), None)
        for status in SessionLifecycle:
            self.status.addItem(status.label, status)
        row.addWidget(self.status)
        self.module = self._combo(row, _("Modul:"))
        self.set_modules([])
        row.addWidget(self.module, 1)
        self.period = self._combo(row, _("Period:"))
        for period in Period:
            self.period.addItem(period.label, period)
        row.addWidget(self.period)
        today = QDate.currentDate()
        self.since = self._date_edit(_("Från och med"), today.addDays(-30))
        self.until = self._date_edit(_("Till och med"), today)
        self._dash = QLabel("–")
        row.addWidget(self.since)
        row.addWidget(self._dash)
        row.addWidget(self.until)
        self._show_date_edits()
        self.rehearsals = QCheckBox(_("Visa repetitioner"))
        self.rehearsals.setToolTip(
            _("Repetitioner sparas som andra sessioner men räknas inte i rapporterna.")
        )
        self.rehearsals.toggled.connect(lambda _on: self._on_filter())
        row.addWidget(self.rehearsals)
        # Connected once every filter exists: filling the combo boxes must not search.
        for combo in (self.status, self.module, self.period):
            combo.currentIndexChanged.connect(self._on_filter)
        for edit in (self.since, self.until):
            edit.dateChanged.connect(self._on_filter)
        return row

    def _combo(self, row: QHBoxLayout, label_text: str) -> QComboBox:
        """A filter with its label before it: the words a screen reader names it by (on Linux a
        combo box is announced by its value, and the label through its "labelled by" relation)."""
        label = QLabel(label_text)
        label.setStyleSheet("font-size: 12pt;")
        row.addWidget(label)
        combo = QComboBox()
        name_by_label(label, combo)
        combo.setMinimumHeight(40)
        combo.setStyleSheet("font-size: 12pt;")
        return combo

    def _date_edit(self, name: str, value: QDate) -> QDateEdit:
        edit = QDateEdit(value)
        edit.setAccessibleName(name)
        edit.setToolTip(name)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setCalendarPopup(True)
        edit.setMinimumHeight(40)
        return edit

    def _build_footer(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.count = QLabel()
        self.count.setObjectName("muted")
        self.count.setStyleSheet("font-size: 12pt;")
        row.addWidget(self.count)
        self.more = self._action(
            _("Visa fler"),
            ngettext("Visa nästa session", "Visa nästa {n} sessioner", self._page_size).format(
                n=self._page_size
            ),
            self._emit_next_page,
        )
        row.addWidget(self.more)
        row.addStretch(1)
        self.open_button = self._action(_("Öppna"), _("Öppna sessionen (Enter)"), self._open)
        self.export_button = self._action(
            _("Exportera…"), _("Exportera en sammanfattning (Ctrl+E)"), self._export
        )
        self.export_button.setShortcut("Ctrl+E")
        self.delete_button = self._action(
            _("Ta bort…"), _("Ta bort sessionen för gott (Delete)"), self._delete
        )
        for button in (self.open_button, self.export_button, self.delete_button):
            row.addWidget(button)
        self.open_button.setObjectName("primary")
        return row

    def _action(self, text: str, tooltip: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text)
        button.setToolTip(tooltip)
        button.setMinimumHeight(44)
        button.setStyleSheet("font-size: 12pt;")
        button.clicked.connect(slot)
        return button

    # --- the owner's setters ---------------------------------------------------------------

    def set_modules(self, modules: Sequence[tuple[str, str]], language: str = "sv") -> None:
        """(module id, title) for the module filter, listed alphabetically in the titles'
        language; the current choice is kept if it still exists."""
        current = self.module.currentData()
        self.module.blockSignals(True)
        self.module.clear()
        self.module.addItem(_("Alla moduler"), None)
        for module_id, title in sorted(
            modules, key=lambda pair: sort_key(pair[1] or pair[0], language)
        ):
            self.module.addItem(title or module_id, module_id)
        index = self.module.findData(current) if current is not None else 0
        self.module.setCurrentIndex(max(index, 0))
        self.module.blockSignals(False)

    def set_page(self, page: HistoryResult) -> None:
        if dataclasses.replace(page.query, offset=0, limit=self._page_size) != self.query():
            return  # answers filters the leader has since changed
        if page.query.offset == 0:
            self.model.replace(page.items)
        elif page.query.offset == self.model.rowCount():
            self.model.append(page.items)
        else:
            return
        self._total = page.total
        self._searching = False
        self._show_count()
        self._update_buttons()

    def remove_session(self, uuid: str) -> None:
        """Take a deleted session off the list without asking the database again."""
        if self.model.remove(uuid):
            self._total = max(0, self._total - 1)
            self._show_count()
            self._update_buttons()

    def query(self) -> HistoryQuery:
        """The filters as they stand, for the first page."""
        # Qt hands a StrEnum back as a plain str.
        status = self.status.currentData()
        since, until = query_bounds(
            self._period(), self.since.date(), self.until.date(), date.today()
        )
        return HistoryQuery(
            text=self.search.text().strip(),
            statuses=frozenset({SessionLifecycle(status)}) if status else frozenset(),
            since=since,
            until=until,
            module_id=self.module.currentData(),
            include_rehearsals=self.rehearsals.isChecked(),
            limit=self._page_size,
            offset=0,
        )

    def _period(self) -> Period:
        # Qt hands a Python enum stored as item data back as its value.
        return Period(self.period.currentData())

    def refresh(self) -> None:
        """Ask again for the first page (after a delete or an import, say)."""
        self._emit_first_page()

    def selected_session(self) -> SessionSummary | None:
        index = self.table.currentIndex()
        selected = self.table.selectionModel().hasSelection()
        return self.model.row(index.row()) if index.isValid() and selected else None

    # --- reacting to the leader ------------------------------------------------------------

    def _focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _on_search_text(self, _text: str) -> None:
        self._search_timer.start()  # waits for a pause in typing before searching

    def _on_filter(self) -> None:
        self._show_date_edits()
        self._emit_first_page()

    def _show_date_edits(self) -> None:
        chosen = self._period() is Period.CHOSEN
        for widget in (self.since, self._dash, self.until):
            widget.setVisible(chosen)

    def _emit_first_page(self) -> None:
        self._search_timer.stop()
        self._searching = True
        self._show_count()
        self.query_changed.emit(self.query())

    def _emit_next_page(self) -> None:
        self.query_changed.emit(dataclasses.replace(self.query(), offset=self.model.rowCount()))

    def _show_count(self) -> None:
        shown = self.model.rowCount()
        if self._searching and not shown:
            text = _("Söker…")
        elif not self._total:
            filtered = self.query() != HistoryQuery(limit=self._page_size)
            text = (
                _("Inga sessioner passar sökningen.")
                if filtered
                else _("Inga sessioner ännu. Här hamnar de sessioner du kör.")
            )
        else:
            text = _("Visar {shown} av {total}").format(shown=shown, total=self._total)
        self.count.setText(text)
        self.more.setVisible(0 < shown < self._total)

    def _update_buttons(self) -> None:
        chosen = self.selected_session() is not None
        for button in (self.open_button, self.export_button, self.delete_button):
            button.setEnabled(chosen)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._open()
                return True
            if event.key() == Qt.Key.Key_Delete:
                self._delete()
                return True
        return super().eventFilter(watched, event)

    def _on_double_click(self, _index: QModelIndex) -> None:
        self._open()

    def _open(self) -> None:
        if (summary := self.selected_session()) is not None:
            self.open_requested.emit(summary.uuid)

    def _export(self) -> None:
        if (summary := self.selected_session()) is not None:
            self.export_requested.emit(summary.uuid)

    def _delete(self) -> None:
        # The owner asks first: only it knows which exported files are still on disk.
        if (summary := self.selected_session()) is not None:
            self.delete_requested.emit(summary.uuid)
