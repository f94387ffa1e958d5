"""The leader console: layout only. Top: the current step and its countdown, the session clock.
Left: the plan. Centre: leader notes and what the room sees. Right: reflections. Bottom: what
comes next and the controls. The SessionController fills it in."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSlider,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from facilitator.core import glossary
from facilitator.core.application.presentation import ConsoleView, PlanRow
from facilitator.core.i18n import _
from facilitator.core.markdown.html import markdown_html
from facilitator.core.session.status import StepPhase
from facilitator.ui.accessible import set_text_named
from facilitator.ui.console.notice_board import NoticeBoard
from facilitator.ui.console.phase_strip import PhaseStrip
from facilitator.ui.console.phones_toggle import PhonesToggle
from facilitator.ui.console.subtitle_picker import SubtitlePicker
from facilitator.ui.widgets.announcer import Announcer
from facilitator.ui.widgets.command_button import CommandButton
from facilitator.ui.widgets.private_note_box import PrivateNoteBox

# During a film the guidance and the private note sit side by side, this high (logical pixels,
# so it scales with the screen), and the preview and the film's controls take the rest: at
# 150 % on a 1080p screen (and at 100 % on 1280×720) the film step then fits without scrolling.
FILM_NOTES_HEIGHT = 160
# The room's preview: tall enough to show a whole card (its question and countdown) beside a
# talk; during a film it gives way to the film's controls (they stay in view at 150 %).
PREVIEW_HEIGHT = 200
FILM_PREVIEW_HEIGHT = 140
ANY_HEIGHT = 16_777_215  # QWIDGETSIZE_MAX


class ConsolePage(QWidget):
    next_requested = Signal()
    back_requested = Signal()
    pause_requested = Signal()
    extend_requested = Signal()
    black_requested = Signal()
    rules_requested = Signal()
    end_requested = Signal()
    jump_requested = Signal(str)
    film_toggle_requested = Signal()
    film_skip_requested = Signal(float)
    film_restart_requested = Signal()
    film_text_requested = Signal()
    film_volume_changed = Signal(int)
    phones_toggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("consolePage")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 12, 16, 12)
        outer.addLayout(self._build_top())
        self.phase_strip = PhaseStrip()
        outer.addWidget(self.phase_strip)
        # The step, its countdown and the controls stay on screen whatever the scaling: what
        # lies between scrolls when the window cannot hold it (200 % text on a 1080p screen).
        middle = QWidget()
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(0, 0, 0, 0)
        middle_layout.addWidget(self._build_notice())
        # The three columns keep their place whatever the centre shows (a film's controls,
        # a long note): none can be squeezed to a sliver, and none makes the window wider.
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self._build_plan())
        splitter.addWidget(self._build_centre())
        self.reflection_host = QFrame()
        self.reflection_host.setObjectName("reflectionHost")
        self.reflection_layout = QVBoxLayout(self.reflection_host)
        self.reflection_layout.setContentsMargins(0, 0, 0, 0)
        self.reflection_host.setMinimumWidth(280)
        splitter.addWidget(self.reflection_host)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setStretchFactor(2, 0)
        splitter.setSizes([260, 560, 380])
        middle_layout.addWidget(splitter, 1)
        self.middle_scroll = QScrollArea()
        self.middle_scroll.setObjectName("consoleMiddle")
        self.middle_scroll.setWidgetResizable(True)
        self.middle_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.middle_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.middle_scroll.setWidget(middle)
        outer.addWidget(self.middle_scroll, 1)
        outer.addLayout(self._build_bottom())
        # In the order they sit: "Mobilsvar", then the step's controls.
        QWidget.setTabOrder(self.phones_button, self.back_button)

    # --- layout ----------------------------------------------------------------------------

    def _build_top(self) -> QGridLayout:
        grid = QGridLayout()
        self.step_title = QLabel()
        self.step_title.setObjectName("stepTitle")
        self.step_title.setStyleSheet("font-size: 20pt; font-weight: 600;")
        self.step_title.setWordWrap(True)
        self.step_meta = QLabel()
        self.step_meta.setObjectName("muted")
        self.countdown = QLabel()
        self.countdown.setObjectName("consoleCountdown")
        # Named for what it is; its value changes every second, so a screen reader is given
        # whole minutes (the description) and hears the last minute and time-up announced.
        self.countdown.setAccessibleName(_("Tid kvar"))
        self.announcer = Announcer(self)
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.phase_label = QLabel()
        self.phase_label.setObjectName("phaseLabel")
        self.phase_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.session_clock = QLabel()
        self.session_clock.setObjectName("sessionClock")
        self.session_clock.setAlignment(Qt.AlignmentFlag.AlignRight)
        # A pause must be impossible to miss: the room's clock stands still meanwhile.
        self.paused_banner = QLabel(_("PAUSAD – tryck P eller Fortsätt för att gå vidare"))
        self.paused_banner.setObjectName("pausedBanner")
        self.paused_banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # Its fill and text are the look's accent (console.qss, QLabel#pausedBanner).
        self.paused_banner.hide()
        grid.addWidget(self.step_title, 0, 0)
        grid.addWidget(self.step_meta, 1, 0)
        grid.addWidget(self.countdown, 0, 1)
        grid.addWidget(self.phase_label, 1, 1)
        self.key_mode = QLabel()
        self.key_mode.setObjectName("keyMode")
        self.key_mode.setAccessibleName(_("Tangentläge"))
        grid.addWidget(self.key_mode, 2, 0, Qt.AlignmentFlag.AlignLeft)
        grid.addWidget(self.session_clock, 2, 1)
        grid.addWidget(self.paused_banner, 3, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        return grid

    def _build_notice(self) -> QWidget:
        self.notices = NoticeBoard()
        return self.notices

    def _build_plan(self) -> QWidget:
        box = QWidget()
        box.setMinimumWidth(170)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(_("Körschema")))
        self.plan_list = QListWidget()
        self.plan_list.setObjectName("planList")
        self.plan_list.setAccessibleName(_("Körschema"))
        self.plan_list.setStyleSheet("font-size: 12pt;")
        self.plan_list.setWordWrap(True)
        self.plan_list.itemActivated.connect(self._on_plan_activated)
        layout.addWidget(self.plan_list, 1)
        return box

    def _build_centre(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self._notes_block = QWidget()
        notes_column = QVBoxLayout(self._notes_block)
        notes_column.setContentsMargins(0, 0, 0, 0)
        notes_label = QLabel(_("Handledning för steget (syns bara här)"))
        notes_label.setWordWrap(True)  # beside the private note, on a narrow centre (200 %)
        notes_column.addWidget(notes_label)
        self.leader_notes = QTextBrowser()
        notes_label.setBuddy(self.leader_notes)
        self.leader_notes.setAccessibleName(_("Handledning för steget"))
        self.leader_notes.setObjectName("leaderNotes")
        self.leader_notes.setOpenLinks(False)
        self.leader_notes.setStyleSheet("font-size: 13pt;")
        notes_column.addWidget(self.leader_notes, 1)
        self.private_note = PrivateNoteBox()
        self._notes_row = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self._notes_row.addWidget(self._notes_block, 3)
        self._notes_row.addWidget(self.private_note, 1)
        layout.addLayout(self._notes_row, 4)
        self.preview_title = QLabel(_("Det här ser gruppen"))
        layout.addWidget(self.preview_title)
        self.preview_host = QFrame()
        self.preview_host.setObjectName("previewHost")
        self.preview_host.setMinimumHeight(PREVIEW_HEIGHT)
        self.preview_layout = QVBoxLayout(self.preview_host)
        self.preview_layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.preview_host, 2)
        layout.addWidget(self._build_film_bar())
        return box

    def _build_film_bar(self) -> QWidget:
        self.film_bar = QFrame()
        self.film_bar.setObjectName("filmBar")
        rows = QVBoxLayout(self.film_bar)
        rows.setContentsMargins(0, 4, 0, 4)
        rows.setSpacing(4)
        # Its own line, wrapped: a long chapter title must never widen the console.
        self.film_position = QLabel()
        self.film_position.setObjectName("filmPosition")
        self.film_position.setWordWrap(True)
        self.film_position.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        rows.addWidget(self.film_position)
        row = QHBoxLayout()
        rows.addLayout(row)
        controls = (
            (
                _("Spela/pausa"),
                _("Spela eller pausa filmen (K; mellanslag under film)"),
                self.film_toggle_requested.emit,
            ),
            (_("−10 s"), _("Tio sekunder bakåt (J)"), lambda: self.film_skip_requested.emit(-10.0)),
            (_("+10 s"), _("Tio sekunder framåt (L)"), lambda: self.film_skip_requested.emit(10.0)),
            (
                _("Från början"),
                _("Spela kapitlet från början (Home)"),
                self.film_restart_requested.emit,
            ),
        )
        for text, tip, slot in controls:
            button = CommandButton(text)
            button.setToolTip(tip)
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch(1)
        # Subtitles and volume on their own row: at 150 % the one row made the console
        # 2007 px wide.
        second = QHBoxLayout()
        rows.addLayout(second)
        self.subtitles = SubtitlePicker()
        second.addWidget(self.subtitles)
        self.volume = QSlider(Qt.Orientation.Horizontal)
        self.volume.setRange(0, 100)
        self.volume.setValue(100)
        self.volume.setMinimumWidth(60)
        self.volume.setMaximumWidth(140)
        self.volume.setAccessibleName(_("Volym"))
        self.volume.setToolTip(_("Volym"))
        self.volume.valueChanged.connect(self.film_volume_changed.emit)
        second.addWidget(self.volume)
        # On this row: a fifth button on the first made the centre too wide at 200 %.
        film_text = CommandButton(_("Filmens text"))
        film_text.setToolTip(_("Filmens text att läsa (T)"))
        film_text.clicked.connect(self.film_text_requested.emit)
        second.addWidget(film_text)
        second.addStretch(1)
        self.film_bar.hide()
        return self.film_bar

    def _build_bottom(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.next_label = QLabel()
        self.next_label.setObjectName("nextStep")
        self.next_label.setWordWrap(True)
        row.addWidget(self.next_label, 1)
        self.back_button = self._button(_("◀ Tillbaka"), _("Föregående steg (PageUp, ←)"))
        self.pause_button = self._button(_(glossary.PAUSE), _("Pausa eller fortsätt (P)"))
        self.extend_button = self._button(_("+1 min"), _("En minut till på steget (+)"))
        self.black_button = self._button(_("Svart bild"), _("Svart projektorbild (B eller .)"))
        self.rules_button = self._button(_("Samtalsregler"), _("Visa samtalsreglerna (R)"))
        self.next_button = self._button(_("Nästa ▶"), _("Nästa steg (PageDown, →, mellanslag)"))
        self.next_button.setObjectName("primary")
        self.end_button = self._button(_("Avsluta"), _("Avsluta sessionen (Ctrl+E)"))
        self.phones_button = PhonesToggle(self)
        self.phones_button.toggled.connect(self.phones_toggled.emit)
        for button, signal in (
            (self.back_button, self.back_requested),
            (self.pause_button, self.pause_requested),
            (self.extend_button, self.extend_requested),
            (self.black_button, self.black_requested),
            (self.rules_button, self.rules_requested),
            (self.next_button, self.next_requested),
            (self.end_button, self.end_requested),
        ):
            button.clicked.connect(signal.emit)
            row.addWidget(button)
        # Apart from the step's controls, on their left: a setting, not a move in the session.
        row.insertWidget(row.indexOf(self.back_button), self.phones_button)
        return row

    def _button(self, text: str, tooltip: str) -> QPushButton:
        button = CommandButton()
        set_text_named(button, text)
        button.setToolTip(tooltip)
        button.setMinimumHeight(48)
        return button

    def _on_plan_activated(self, item: QListWidgetItem) -> None:
        self.jump_requested.emit(item.data(Qt.ItemDataRole.UserRole))

    # --- updates from the controller -------------------------------------------------------

    def show_film_controls(self, shown: bool) -> None:
        """A film step: the film's controls shown, and the preview given the room the notes
        leave (they sit side by side, lower, each scrolling its own text)."""
        self.film_bar.setVisible(shown)
        self._notes_row.setDirection(
            QBoxLayout.Direction.LeftToRight if shown else QBoxLayout.Direction.TopToBottom
        )
        self._notes_row.setStretch(0, 1 if shown else 3)
        height = FILM_NOTES_HEIGHT if shown else ANY_HEIGHT
        self.preview_host.setMinimumHeight(FILM_PREVIEW_HEIGHT if shown else PREVIEW_HEIGHT)
        self._notes_block.setMaximumHeight(height)
        self.private_note.setMaximumHeight(height)

    def set_phones_on(self, on: bool) -> None:
        """Shows the setting as it stands (changed here, in the planner or remembered)."""
        self.phones_button.show_on(on)

    def show_view(self, view: ConsoleView) -> None:
        if self.step_title.property("stepKey") != view.step_key:
            self.step_title.setProperty("stepKey", view.step_key)
            self.announcer.say(_("Nytt steg: {title}").format(title=view.step_title))
        self.step_title.setText(view.step_title)
        self.step_meta.setText(view.step_meta)
        self.set_countdown(view.countdown, view.phase)
        self.session_clock.setText(view.clock)
        self.paused_banner.setVisible(view.paused)
        if self.leader_notes.property("stepKey") != view.step_key:
            self.leader_notes.setProperty("stepKey", view.step_key)
            self.leader_notes.setHtml(markdown_html(view.notes_markdown))
        self.phase_strip.show_phase(view.phase_now, view.phase_next)
        self.next_label.setText(view.next_step)
        set_text_named(self.pause_button, _("Fortsätt") if view.paused else _(glossary.PAUSE))
        self.set_plan_rows(view.plan)

    def set_plan_rows(self, rows: Sequence[PlanRow]) -> None:
        count = self.plan_list.count()
        keys = [self.plan_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(count)]
        if keys != [row.key for row in rows]:
            self.plan_list.clear()
            for row in rows:
                item = QListWidgetItem()
                item.setData(Qt.ItemDataRole.UserRole, row.key)
                self.plan_list.addItem(item)
        current_row = -1
        for index, row in enumerate(rows):
            item = self.plan_list.item(index)
            if item.text() != row.text:
                item.setText(row.text)
            font = item.font()
            font.setBold(row.current)
            item.setFont(font)
            if row.current:
                current_row = index
        if 0 <= current_row < self.plan_list.count():
            self.plan_list.setCurrentRow(current_row)

    def set_countdown(self, text: str, phase: StepPhase) -> None:
        self.countdown.setText(text)
        # "4:59" → "4 min"; "+2 min" and "+12 s" in overtime say enough as they are.
        whole = _("{m} min").format(m=text.split(":", maxsplit=1)[0]) if ":" in text else text
        if self.countdown.accessibleDescription() != whole:
            self.countdown.setAccessibleDescription(whole)
        if self.countdown.property("phase") == phase.value:
            return
        before = self.countdown.property("phase")
        # The colours for the phase come from the app's stylesheet (the look in use), chosen
        # by this property; setting the font restyles the label with it.
        self.countdown.setProperty("phase", phase.value)
        self.countdown.setStyleSheet("font-size: 34pt; font-weight: 700;")
        if before is not None or phase is not StepPhase.NORMAL:
            self._announce_phase(phase)
        words = {
            StepPhase.NORMAL: "",
            StepPhase.LAST_MINUTE: _("Sista minuten"),
            StepPhase.OVERTIME: _("Över tiden"),
        }
        self.phase_label.setText(words[phase])
        self.phase_label.setProperty("phase", phase.value)
        self.phase_label.setStyleSheet("font-weight: 600;")

    def _announce_phase(self, phase: StepPhase) -> None:
        if phase is StepPhase.LAST_MINUTE:
            self.announcer.say(_("Sista minuten av steget"))
        elif phase is StepPhase.OVERTIME:
            self.announcer.say(_("Tiden för steget är slut"), urgent=True)
