"""What the room sees. Calm, large, high contrast; text scales with the screen; the mouse
cursor is hidden; nothing here can show leader notes (cards have no field for them).

The sizes and pages come from ``core.presentation.card_layout``; this widget measures text for
it, places the labels where it says, and turns its pages. A card that does not fit at the
smallest allowed size (body text 1/20 of the height) is shown a page at a time with a "1/2"
marker; ``next_page``/``previous_page`` turn them.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent, QTextDocumentFragment
from PySide6.QtWidgets import QFrame, QLabel, QStackedLayout, QWidget

from facilitator.core.i18n import _
from facilitator.core.presentation.card_layout import (
    CardLayout,
    Frame,
    TextRole,
    lay_out_card,
)
from facilitator.core.presentation.cards import (
    TIME_UP,
    CardKind,
    ProjectorCard,
    countdown_line,
)
from facilitator.core.session.status import StepPhase
from facilitator.ui.projector.join_view import JoinView
from facilitator.ui.projector.text_measure import TextMeasurer, role_font, set_up_label

BACKGROUND = "#0f1b2d"
TEXT = "#f4f1ea"
MUTED = "#c9d1dc"
LAST_MINUTE = "#f2c46d"
OVERTIME = "#f5a99b"

# Top to bottom. The body label shows a prompt in the prompt size, other bodies in the body's.
_STACKED = (
    TextRole.HEADING,
    TextRole.BODY,
    TextRole.ITEMS,
    TextRole.META,
    TextRole.COUNTDOWN,
)
_ORDER = (*_STACKED, TextRole.CUE, TextRole.MARKER)
# Laying out a long card measures text many times (tens of ms): the last few are kept.
_CACHED_LAYOUTS = 8


class ProjectorView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("projectorView")
        self.setWindowTitle(_("Facilitator – projektorbild"))
        self.setCursor(Qt.CursorShape.BlankCursor)
        # As its own window it must never take the keyboard from the console (the clicker).
        self.setWindowFlag(Qt.WindowType.WindowDoesNotAcceptFocus, True)
        self.setAutoFillBackground(True)
        self.setStyleSheet(f"#projectorView, #cardPage {{ background: {BACKGROUND}; }}")
        self._card = ProjectorCard(CardKind.BLACK)
        self._stack = QStackedLayout(self)
        # Labels are placed by hand (_place), so no layout can grow the window past its screen.
        self._card_page = QWidget()
        self._card_page.setObjectName("cardPage")
        self._stack.addWidget(self._card_page)
        self.film_surface = QFrame()
        self.film_surface.setObjectName("filmSurface")
        self.film_surface.setStyleSheet("background: #000000;")
        # libVLC draws into this widget's own native window.
        self.film_surface.setAttribute(Qt.WidgetAttribute.WA_NativeWindow, True)
        self._stack.addWidget(self.film_surface)
        self._black = QWidget()
        self._black.setStyleSheet("background: #000000;")
        self._stack.addWidget(self._black)
        self._labels = {role: self._label(role) for role in _ORDER}
        self.heading = self._labels[TextRole.HEADING]
        self.body = self._labels[TextRole.BODY]
        self.items = self._labels[TextRole.ITEMS]
        self.meta = self._labels[TextRole.META]
        self.countdown = self._labels[TextRole.COUNTDOWN]
        self.cue = self._labels[TextRole.CUE]
        self.page_marker = self._labels[TextRole.MARKER]
        self.join = JoinView(self._card_page, TEXT, MUTED)
        self._measure = TextMeasurer(self.font())
        self._layouts: OrderedDict[tuple[ProjectorCard, int, int], CardLayout] = OrderedDict()
        self._layout: CardLayout | None = None
        self._page = 0
        self._countdown_text = ""
        self._phase = StepPhase.NORMAL
        self._cue_shown = False
        self._phase_cue = False
        self._apply_colours()
        self.show_card(self._card)

    def _label(self, role: TextRole) -> QLabel:
        label = QLabel(self._card_page)
        label.setObjectName(role.value)
        set_up_label(label, role)
        label.hide()
        return label

    # --- what is shown ---------------------------------------------------------------------

    @property
    def card(self) -> ProjectorCard:
        return self._card

    @property
    def layout_now(self) -> CardLayout | None:
        """The current card's sizes and pages at this size (None for black and film)."""
        return self._layout

    @property
    def page_count(self) -> int:
        return self._layout.page_count if self._layout else 1

    @property
    def page(self) -> int:
        """The page shown, from 0."""
        return self._page

    def next_page(self) -> bool:
        """Shows the next page of the card; False (and nothing changes) on the last."""
        return self.show_page(self._page + 1)

    def previous_page(self) -> bool:
        """Shows the previous page; False (and nothing changes) on the first."""
        return self.show_page(self._page - 1)

    def show_page(self, page: int) -> bool:
        """Shows page ``page`` (from 0) if the card has it (a preview follows the projector)."""
        if not 0 <= page < self.page_count or page == self._page:
            return False
        self._page = page
        self._place()
        return True

    def visible_text(self) -> str:
        """Everything the room can read right now (tests assert on it)."""
        if self._stack.currentWidget() is not self._card_page:
            return ""
        shown = [label for label in self._labels.values() if label.isVisibleTo(self)]
        return "\n".join([*(plain_text(label) for label in shown), *self.join.visible_text()])

    def show_card(self, card: ProjectorCard) -> None:
        """Shows ``card`` from its first page. Showing the card already shown starts it over
        too, and looks exactly as it did the first time. Only a new meta line (a talk's next
        phase) keeps the page the room is reading."""
        same_but_meta = card != self._card and replace(card, meta=self._card.meta) == self._card
        self._card = card
        if not same_but_meta:
            self._page = 0
        if card.kind == CardKind.BLACK:
            self._layout = None
            self._stack.setCurrentWidget(self._black)
            return
        if card.kind == CardKind.FILM:
            self._layout = None
            self._stack.setCurrentWidget(self.film_surface)
            return
        self._stack.setCurrentWidget(self._card_page)
        self._lay_out()

    def set_countdown(self, text: str, phase: StepPhase) -> None:
        self._countdown_text = text
        self.countdown.setText(countdown_line(text, phase))
        self._show_labels()
        if phase != self._phase:
            self._phase = phase
            self._apply_colours()

    def show_time_up_cue(self, visible: bool) -> None:
        """A clear but soft visual cue when a step's time runs out, on the cards that show a
        countdown (they keep room for it, so nothing moves when it appears)."""
        self._cue_shown = visible
        self.cue.setText(_(TIME_UP) if visible else "")
        self._show_labels()

    def show_phase_cue(self, lit: bool) -> None:
        """A soft cue when a talk moves to its next phase: the line naming it turns warm for a
        while. The words carry the news ("Nu: i fyra"); the colour only draws the eye."""
        if lit != self._phase_cue:
            self._phase_cue = lit
            self._apply_colours()

    # --- sizes and places ------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._layout is not None:
            self._lay_out()

    def _lay_out(self) -> None:
        width, height = max(self.width(), 300), max(self.height(), 200)
        join = self._card.join
        aside = self.join.box(join, width, height, self.font()).aside if join else 0
        frame = Frame(width, height, aside)
        key = (self._card, frame.width, frame.height)
        layout = self._layouts.get(key)
        if layout is None:
            layout = lay_out_card(self._card, frame, self._measure)
            self._layouts[key] = layout
            while len(self._layouts) > _CACHED_LAYOUTS:
                self._layouts.popitem(last=False)
        self._layout = layout
        self._page = min(self._page, layout.page_count - 1)
        self._place()

    def _place(self) -> None:
        layout = self._layout
        if layout is None:
            return
        page = layout.pages[self._page]
        frame = layout.frame
        texts = dict(page.texts)
        heights = dict(page.heights)
        body_role = TextRole.PROMPT if texts.get(TextRole.PROMPT) else TextRole.BODY
        texts[TextRole.BODY] = texts.get(body_role, "")
        heights[TextRole.BODY] = heights.get(body_role, 0)
        stacked = [role for role in _STACKED if heights.get(role)]
        total = sum(heights[role] for role in stacked) + frame.spacing * max(0, len(stacked) - 1)
        # Two parts of the spare room above, three below: the text sits a little high, calmly.
        # Pages of one card start at the top, so the heading stays put as they turn.
        spare = max(0, frame.text_height - total) if layout.page_count == 1 else 0
        y = frame.top + spare * 2 // 5
        for role in _STACKED:
            label = self._labels[role]
            height = heights.get(role, 0)
            font_role = body_role if role is TextRole.BODY else role
            self._style(label, font_role, layout)
            if role is not TextRole.COUNTDOWN:
                label.setText(texts.get(role, ""))
            label.setGeometry(frame.side, y, frame.text_width, height)
            if height:
                y += height + frame.spacing
        # The time-up cue shows in the meta line's place, which is kept for it.
        self.cue.setGeometry(self.meta.geometry())
        self._style(self.cue, TextRole.CUE, layout)
        marker = self.page_marker
        self._style(marker, TextRole.MARKER, layout)
        marker.setText(f"{self._page + 1}/{layout.page_count}")
        marker.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        marker.setGeometry(frame.side, frame.height - frame.top, frame.text_width, frame.top)
        self.join.show(self._card.join, frame.width, frame.height, self.font())
        self._show_labels()

    def _style(self, label: QLabel, role: TextRole, layout: CardLayout) -> None:
        label.setFont(role_font(self.font(), role, layout.sizes[role]))
        label.setAlignment(self._alignment(role, layout))

    def _show_labels(self) -> None:
        layout = self._layout
        if layout is None:
            return
        cue = self._cue_shown and TextRole.CUE in layout.reserved
        for role in _STACKED:
            self._labels[role].setVisible(self._labels[role].height() > 0)
        self.countdown.setVisible(
            TextRole.COUNTDOWN in layout.reserved and bool(self._countdown_text)
        )
        self.meta.setVisible(self.meta.height() > 0 and bool(self.meta.text()) and not cue)
        self.cue.setVisible(cue)
        self.page_marker.setVisible(layout.page_count > 1)

    @staticmethod
    def _alignment(role: TextRole, layout: CardLayout) -> Qt.AlignmentFlag:
        flowing = role in (TextRole.HEADING, TextRole.BODY, TextRole.ITEMS)
        if flowing and not layout.centred:
            return Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
        return Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop

    def _apply_colours(self) -> None:
        # Style sheets are re-polished on every set; only done when the phase changes.
        colour = {
            StepPhase.NORMAL: MUTED,
            StepPhase.LAST_MINUTE: LAST_MINUTE,
            StepPhase.OVERTIME: OVERTIME,
        }[self._phase]
        for role, label in self._labels.items():
            shade = {
                TextRole.BODY: TEXT,
                TextRole.ITEMS: TEXT,
                TextRole.COUNTDOWN: colour,
                TextRole.CUE: LAST_MINUTE,
                TextRole.META: LAST_MINUTE if self._phase_cue else MUTED,
            }.get(role, MUTED)
            label.setStyleSheet(f"color: {shade};")


def plain_text(label: QLabel) -> str:
    """A label's text as read, without markup."""
    if label.textFormat() == Qt.TextFormat.RichText:
        return QTextDocumentFragment.fromHtml(label.text()).toPlainText()
    return label.text()
