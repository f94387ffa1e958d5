"""What the room sees. Calm, large, high contrast; text scales with the screen; the mouse
cursor is hidden; nothing here can show leader notes (cards have no field for them)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import QFrame, QLabel, QLayout, QStackedLayout, QVBoxLayout, QWidget

from facilitator.core.i18n import _
from facilitator.core.presentation.cards import CardKind, ProjectorCard
from facilitator.core.presentation.inert_markdown import inert_markdown
from facilitator.core.session.status import StepPhase

BACKGROUND = "#0f1b2d"
TEXT = "#f4f1ea"
MUTED = "#c9d1dc"
LAST_MINUTE = "#f2c46d"
OVERTIME = "#f5a99b"

# Share of the screen height per text role (UX.md: body ≥ 1/20, prompts larger).
MIN_SCALE = 0.45
SCALE = {"heading": 1 / 14, "body": 1 / 18, "prompt": 1 / 12, "meta": 1 / 20, "countdown": 1 / 9}


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
        layout = QVBoxLayout(self._card_page)
        self._page_layout = layout
        # The card is fitted to the screen by font size (_apply_sizes); the text must never
        # make the window larger than its screen, which would also end full screen.
        for each in (layout, self._stack):
            each.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        layout.addStretch(2)
        self.heading = self._label("heading")
        self.body = self._label("body")
        self.items = self._label("items")
        self.meta = self._label("meta")
        self.countdown = self._label("countdown")
        self.cue = self._label("cue")
        for label in (self.heading, self.body, self.items, self.meta, self.countdown, self.cue):
            layout.addWidget(label)
        layout.addStretch(3)
        self._countdown_text = ""
        self._phase = StepPhase.NORMAL
        self._coloured_phase: StepPhase | None = None
        self._sized_for: tuple[int, int, ProjectorCard] | None = None
        self.show_card(self._card)

    def _label(self, name: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setTextFormat(Qt.TextFormat.PlainText)
        return label

    @property
    def card(self) -> ProjectorCard:
        return self._card

    def visible_text(self) -> str:
        """Everything the room can read right now (tests assert on it)."""
        if self._stack.currentWidget() is not self._card_page:
            return ""
        labels = (self.heading, self.body, self.items, self.meta, self.countdown, self.cue)
        return "\n".join(label.text() for label in labels if label.isVisibleTo(self))

    def show_card(self, card: ProjectorCard) -> None:
        self._card = card
        if card.kind == CardKind.BLACK:
            self._stack.setCurrentWidget(self._black)
            return
        if card.kind == CardKind.FILM:
            self._stack.setCurrentWidget(self.film_surface)
            return
        self._stack.setCurrentWidget(self._card_page)
        self.heading.setText(card.heading)
        self.heading.setVisible(bool(card.heading))
        markdown = card.kind == CardKind.TEXT
        self.body.setTextFormat(Qt.TextFormat.MarkdownText if markdown else Qt.TextFormat.PlainText)
        # A module's Markdown, so nothing in it may load a file (inert_markdown.py).
        self.body.setText(inert_markdown(card.body) if markdown else card.body)
        self.body.setVisible(bool(card.body))
        bullet = "\n".join(
            f"• {item}" if card.kind != CardKind.EVALUATION else item for item in card.items
        )
        self.items.setText(bullet)
        self.items.setVisible(bool(card.items))
        self.meta.setText(card.meta)
        self.meta.setVisible(bool(card.meta))
        self.countdown.setVisible(card.countdown and bool(self._countdown_text))
        self.cue.setVisible(False)
        self._apply_sizes()

    def set_countdown(self, text: str, phase: StepPhase) -> None:
        self._countdown_text = text
        self._phase = phase
        label = ""
        if phase == StepPhase.LAST_MINUTE:
            label = "  " + _("sista minuten")
        elif phase == StepPhase.OVERTIME:
            label = "  " + _("över tiden")
        self.countdown.setText(text + label)
        self.countdown.setVisible(self._card.countdown)
        if phase != self._coloured_phase:
            self._apply_colours()

    def show_time_up_cue(self, visible: bool) -> None:
        """A clear but soft visual cue when a step's time runs out."""
        self.cue.setText(_("Tiden är ute") if visible else "")
        self.cue.setVisible(visible and self._stack.currentWidget() is self._card_page)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._apply_sizes()

    def _apply_sizes(self) -> None:
        height = max(self.height(), 200)
        width = max(self.width(), 300)
        # Setting fonts re-lays out large text (tens of ms at projector size): only on change.
        key = (width, height, self._card)
        if key == self._sized_for:
            return
        self._sized_for = key
        side = round(width * 0.08)  # side margins keep prompts to about twelve words per line
        top = round(height * 0.05)
        self._page_layout.setContentsMargins(side, top, side, top)
        self._page_layout.setSpacing(round(height * 0.025))
        # Text scales with the screen and is never clipped: shrink until the card fits.
        scale = 1.0
        while scale > MIN_SCALE:
            self._set_fonts(height * scale)
            if self._text_height(width - 2 * side) <= height - 2 * top:
                break
            scale *= 0.9
        self._apply_colours()

    def _set_fonts(self, height: float) -> None:
        prompt_like = self._card.kind in (CardKind.PROMPT, CardKind.SILENT, CardKind.FILM_QUESTION)
        sizes = {
            self.heading: SCALE["heading"],
            self.body: SCALE["prompt"] if prompt_like else SCALE["body"],
            self.items: SCALE["body"],
            self.meta: SCALE["meta"],
            self.countdown: SCALE["countdown"],
            self.cue: SCALE["meta"],
        }
        for label, share in sizes.items():
            font = QFont(label.font())
            font.setPixelSize(max(12, round(height * share)))
            font.setWeight(
                QFont.Weight.DemiBold
                if label in (self.heading, self.countdown) or (label is self.body and prompt_like)
                else QFont.Weight.Normal
            )
            label.setFont(font)

    def _text_height(self, width: int) -> int:
        labels = [
            label
            for label in (self.heading, self.body, self.items, self.meta, self.countdown)
            if not label.isHidden()
        ]
        spacing = self._page_layout.spacing() * max(0, len(labels) - 1)
        return spacing + sum(label.heightForWidth(width) for label in labels)

    def _apply_colours(self) -> None:
        # Style sheets are re-polished on every set; only do it when the phase changes.
        self._coloured_phase = self._phase
        colour = {
            StepPhase.NORMAL: MUTED,
            StepPhase.LAST_MINUTE: LAST_MINUTE,
            StepPhase.OVERTIME: OVERTIME,
        }[self._phase]
        self.heading.setStyleSheet(f"color: {MUTED};")
        self.body.setStyleSheet(f"color: {TEXT};")
        self.items.setStyleSheet(f"color: {TEXT};")
        self.meta.setStyleSheet(f"color: {MUTED};")
        self.countdown.setStyleSheet(f"color: {colour};")
        self.cue.setStyleSheet(f"color: {LAST_MINUTE};")
