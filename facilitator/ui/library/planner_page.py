"""The planner reads like a run sheet: start time · step · format · minutes. Editing minutes,
skipping, moving or adding a break recomputes every later start time at once, and the plan's
length is shown against the length chosen ("90 min av valda 75 min") with an offer to fit it.
Place and leader are asked here, so the summary says where the session was held."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QDate, QDateTime, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from facilitator.core.i18n import N_, _
from facilitator.core.plan_fit import PlanLength, fit_to_length
from facilitator.core.session.plan import SessionPlan
from facilitator.ui.accessible import set_text_named
from facilitator.ui.library.fit_question import FitPlanQuestion
from facilitator.ui.library.step_table import StepTable
from facilitator.ui.widgets.number_field import NumberField

COLUMNS = (N_("Start"), N_("Steg"), N_("Form"), N_("Minuter"), N_("Ta med"))


class StartTimeEdit(QDateTimeEdit):
    """The session's start time. Tab leaves the field, as it leaves every other one; Qt's own
    date field spends Tab on its parts (year, month, day, hour, minute), which looked like a
    stuck focus with real keys. The arrows move between the parts and change them."""

    def focusNextPrevChild(self, next: bool) -> bool:
        return QWidget.focusNextPrevChild(self, next)


class PlannerPage(QWidget):
    start_requested = Signal(bool)  # True: rehearse on one screen
    save_template_requested = Signal()
    open_template_requested = Signal()
    back_requested = Signal()
    screen_chosen = Signal(object)  # the screen's name, or None for "choose automatically"
    check_requested = Signal()
    phones_toggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("plannerPage")
        self._plan = SessionPlan(title="", steps=())
        self._chosen_minutes = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        top = QHBoxLayout()
        top.addWidget(QLabel(_("Start:")))
        self.start_edit = StartTimeEdit()
        self.start_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.start_edit.setAccessibleName(_("Starttid"))
        self.start_edit.dateTimeChanged.connect(lambda _dt: self._refresh_times())
        top.addWidget(self.start_edit)
        self.end_label = QLabel()
        self.end_label.setObjectName("plannedEnd")
        top.addWidget(self.end_label, 1)
        self.fit_button = self._button(
            "", _("Korta samtal och övningar så att planen ryms; filmer och pauser behålls")
        )
        self.fit_button.clicked.connect(self._fit)
        # Hidden, it keeps its place: the run sheet must not jump when it comes and goes.
        policy = self.fit_button.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.fit_button.setSizePolicy(policy)
        top.addWidget(self.fit_button)
        layout.addLayout(top)
        layout.addLayout(self._build_facts())
        self.table = StepTable(0, len(COLUMNS))
        self.table.setAccessibleName(_("Körschema"))
        self.table.setHorizontalHeaderLabels([_(c) for c in COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column in (0, 2, 3, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table, 1)
        edit_row = QHBoxLayout()
        self.up_button = self._button(_("Flytta upp"), _("Flytta steget uppåt (Alt+Upp)"), "Alt+Up")
        self.down_button = self._button(
            _("Flytta ned"), _("Flytta steget nedåt (Alt+Ned)"), "Alt+Down"
        )
        self.break_button = self._button(
            _("Lägg till rast"), _("Lägg in en rast efter steget (Ctrl+B)"), "Ctrl+B"
        )
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button.clicked.connect(lambda: self._move(1))
        self.break_button.clicked.connect(self._add_break)
        for button in (self.up_button, self.down_button, self.break_button):
            edit_row.addWidget(button)
        edit_row.addStretch(1)
        self.save_button = self._button(_("Spara som mall"), _("Spara planen (Ctrl+S)"), "Ctrl+S")
        self.open_button = self._button(
            _("Öppna plan…"), _("Öppna en sparad plan (Ctrl+O)"), "Ctrl+O"
        )
        self.save_button.clicked.connect(self.save_template_requested.emit)
        self.open_button.clicked.connect(self.open_template_requested.emit)
        edit_row.addWidget(self.save_button)
        edit_row.addWidget(self.open_button)
        layout.addLayout(edit_row)
        run_row = QHBoxLayout()
        back = self._button(_("◀ Moduler"), _("Tillbaka till modulerna"))
        back.clicked.connect(self.back_requested.emit)
        run_row.addWidget(back)
        run_row.addStretch(1)
        check = self._button(
            _("Kontroll före session"),
            _("Provspela filmerna, kontrollera VLC, skärmar och datamappen (Ctrl+K)"),
        )
        check.clicked.connect(self.check_requested.emit)
        run_row.addWidget(check)
        self.phones_check = QCheckBox(_("Deltagarna svarar på mobilen"))
        self.phones_check.setToolTip(
            _(
                "Projektorn visar en QR-kod och en kod; svaren kommer till dig först, "
                "och gruppen ser bara dem du godkänner. Valet sparas."
            )
        )
        self.phones_check.toggled.connect(self.phones_toggled.emit)
        run_row.addWidget(self.phones_check)
        self.screen_combo = QComboBox()
        # Alt+P from anywhere on the page: the screen is often chosen last, just before F5.
        screen_label = QLabel(_("&Projektor:"))
        screen_label.setBuddy(self.screen_combo)
        run_row.addWidget(screen_label)
        self.screen_combo.setAccessibleName(_("Skärm för projektorbilden"))
        self.screen_combo.setToolTip(_("Skärmen där gruppen ser bilden. Valet sparas. (Alt+P)"))
        self.screen_combo.activated.connect(
            lambda index: self.screen_chosen.emit(self.screen_combo.itemData(index))
        )
        run_row.addWidget(self.screen_combo)
        self.rehearse_button = self._button(
            _("Repetera på en skärm"), _("Prova sessionen utan projektor (Ctrl+R)"), "Ctrl+R"
        )
        self.rehearse_button.clicked.connect(lambda: self.start_requested.emit(True))
        self.start_button = self._button(_("Starta sessionen"), _("Starta (F5)"), "F5")
        self.start_button.setObjectName("primary")
        self.start_button.clicked.connect(lambda: self.start_requested.emit(False))
        run_row.addWidget(self.rehearse_button)
        run_row.addWidget(self.start_button)
        layout.addLayout(run_row)

    def _build_facts(self) -> QHBoxLayout:
        """Where, and who leads: printed on the summary ("Plats –" when left empty)."""
        row = QHBoxLayout()
        self.place_edit = QLineEdit()
        self.place_edit.setPlaceholderText(_("Till exempel Kalmar, Stadshuset"))
        self.place_edit.setAccessibleName(_("Plats"))
        self.leader_edit = QLineEdit()
        self.leader_edit.setPlaceholderText(_("Ditt namn, om det ska stå i sammanfattningen"))
        self.leader_edit.setAccessibleName(_("Samtalsledare"))
        for text, edit in ((_("Plats:"), self.place_edit), (_("Samtalsledare:"), self.leader_edit)):
            label = QLabel(text)
            label.setBuddy(edit)
            row.addWidget(label)
            row.addWidget(edit, 1)
        return row

    def set_facts(self, place: str, leader: str) -> None:
        self.place_edit.setText(place)
        self.leader_edit.setText(leader)

    def set_phones_on(self, on: bool) -> None:
        """Shows the remembered choice without announcing it as a new one."""
        self.phones_check.blockSignals(True)
        self.phones_check.setChecked(on)
        self.phones_check.blockSignals(False)

    def place(self) -> str:
        return self.place_edit.text().strip()

    def leader(self) -> str:
        return self.leader_edit.text().strip()

    def _button(self, text: str, tooltip: str, shortcut: str | None = None) -> QPushButton:
        button = QPushButton()
        set_text_named(button, text)
        button.setToolTip(tooltip)
        if shortcut:
            button.setShortcut(shortcut)
        return button

    # --- the plan --------------------------------------------------------------------------

    @property
    def plan(self) -> SessionPlan:
        return self._plan

    def set_plan(self, plan: SessionPlan, start: datetime | None = None) -> None:
        self._plan = plan
        # The length chosen in the library is what the plan adds up to when it arrives.
        self._chosen_minutes = plan.total_minutes
        self.title.setText(plan.title)
        if start is None:
            now = datetime.now().astimezone()
            start = now + timedelta(minutes=(5 - now.minute % 5) % 5 or 5)
            start = start.replace(second=0, microsecond=0)
        self.start_edit.setDateTime(
            QDateTime(QDate(start.year, start.month, start.day), QTime(start.hour, start.minute))
        )
        self._rebuild()

    def start_time(self) -> datetime:
        value = self.start_edit.dateTime()
        date, time = value.date(), value.time()
        naive = datetime(date.year(), date.month(), date.day(), time.hour(), time.minute())
        return naive.astimezone()

    def _rebuild(self, select_row: int | None = None) -> None:
        # The rows' fields are made anew, so the one the keyboard was in goes away with them.
        # The keyboard goes back to the same column of the row selected after the change (the
        # step moved, or the break added), so arrows and Tab go on from where they were.
        focused = self.table.focused_cell()
        self.table.setRowCount(len(self._plan.steps))
        for row, step in enumerate(self._plan.steps):
            self.table.setItem(row, 0, QTableWidgetItem(""))
            self.table.setItem(row, 1, QTableWidgetItem(step.title))
            self.table.setItem(
                row, 2, QTableWidgetItem(step.format.label if step.format else step.kind.label)
            )
            minutes = NumberField()
            minutes.setRange(0, 240)
            minutes.setValue(step.planned_minutes)
            minutes.setSuffix(" " + _("min"))
            minutes.setAccessibleName(_("Minuter för {title}").format(title=step.title))
            minutes.valueChanged.connect(lambda value, key=step.key: self._set_minutes(key, value))
            self.table.setCellWidget(row, 3, minutes)
            include = QCheckBox()
            include.setChecked(not step.skipped)
            include.setAccessibleName(_("Ta med {title}").format(title=step.title))
            include.toggled.connect(lambda on, key=step.key: self._set_included(key, on))
            self.table.setCellWidget(row, 4, include)
        if select_row is not None:
            self.table.selectRow(select_row)
            if focused is not None:
                self.table.focus_cell(select_row, focused[1])
        self._refresh_times()

    def _refresh_times(self) -> None:
        schedule = {s.step.key: s for s in self._plan.schedule(self.start_time())}
        end = self.start_time()
        for row, step in enumerate(self._plan.steps):
            item = self.table.item(row, 0)
            entry = schedule.get(step.key)
            if item is None:
                continue
            item.setText(entry.start.strftime("%H:%M") if entry else _("stryks"))
            if entry:
                end = entry.end
        self._show_length(end)
        self.start_button.setEnabled(bool(self._plan.active_steps))
        self.rehearse_button.setEnabled(bool(self._plan.active_steps))

    def _show_length(self, end: datetime) -> None:
        length = PlanLength(self._plan.total_minutes, self._chosen_minutes)
        if length.planned == length.chosen:
            text = _("Slut {end} · {minutes} min totalt").format(
                end=end.strftime("%H:%M"), minutes=length.planned
            )
        else:
            text = _("Slut {end} · {planned} min av valda {chosen} min").format(
                end=end.strftime("%H:%M"), planned=length.planned, chosen=length.chosen
            )
        if length.over:
            # In words, not only in colour.
            text += " · " + _("{n} min för lång").format(n=length.over)
        self.end_label.setText(text)
        self.fit_button.setText(_("Korta till {n} min").format(n=length.chosen))
        self.fit_button.setVisible(
            bool(length.over) and fit_to_length(self._plan, length.chosen) is not None
        )

    def _fit(self) -> None:
        proposal = fit_to_length(self._plan, self._chosen_minutes)
        if proposal is None:
            return
        if FitPlanQuestion(self, proposal, self._chosen_minutes).accepted_changes():
            self._plan = proposal.apply_to(self._plan)
            self._rebuild(select_row=self._selected_row() if self._selected_row() >= 0 else None)

    def _set_minutes(self, key: str, minutes: int) -> None:
        self._plan = self._plan.set_minutes(key, minutes)
        self._refresh_times()

    def _set_included(self, key: str, included: bool) -> None:
        self._plan = self._plan.set_skipped(key, not included)
        self._refresh_times()

    def _selected_row(self) -> int:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def _move(self, delta: int) -> None:
        row = self._selected_row()
        target = row + delta
        if row < 0 or not 0 <= target < len(self._plan.steps):
            return
        self._plan = self._plan.move(self._plan.steps[row].key, target)
        self._rebuild(select_row=target)

    def _add_break(self) -> None:
        row = self._selected_row()
        after = self._plan.steps[row].key if row >= 0 else self._plan.steps[-1].key
        self._plan = self._plan.insert_break(after, 10)
        self._rebuild(select_row=(row if row >= 0 else len(self._plan.steps) - 2) + 1)

    def set_screens(self, names: list[str], chosen: str | None) -> None:
        """The screens other than the laptop's; ``chosen`` is the remembered one."""
        self.screen_combo.clear()
        self.screen_combo.addItem(_("Välj automatiskt"), None)
        for name in names:
            self.screen_combo.addItem(name, name)
        index = self.screen_combo.findData(chosen) if chosen else 0
        self.screen_combo.setCurrentIndex(max(index, 0))
        self.screen_combo.setEnabled(bool(names))

    def focus_table(self) -> None:
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
