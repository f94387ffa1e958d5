"""The join panel on the projector card: the room code, the short address and the QR code,
in the bottom-right corner, beside the question and never over it.

The code is painted black on white whatever the look (the dark projector palette, high
contrast): a camera reads dark modules on a light ground, with the quiet zone around them."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QWidget

from facilitator.core.i18n import _
from facilitator.core.presentation.join import QUIET_MODULES, JoinBox, JoinPanel, join_box

_CODE_SHARE = 1 / 18
_ADDRESS_SHARE = 1 / 26
_LINE_GAP = 1.15


class QrSquare(QWidget):
    """Paints a QR matrix, quiet zone included, as whole-pixel squares (no blur between
    modules: a scaled image would smear them)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("joinQr")
        self._modules: tuple[tuple[bool, ...], ...] = ()

    def set_modules(self, modules: tuple[tuple[bool, ...], ...]) -> None:
        self._modules = modules
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        count = len(self._modules)
        if not count:
            return
        cells = count + 2 * QUIET_MODULES
        module = max(1, min(self.width(), self.height()) // cells)
        offset = (min(self.width(), self.height()) - module * cells) // 2
        black = QColor("#000000")
        for row, line in enumerate(self._modules):
            y = offset + (row + QUIET_MODULES) * module
            for column, dark in enumerate(line):
                if dark:
                    x = offset + (column + QUIET_MODULES) * module
                    painter.fillRect(x, y, module, module, black)
        painter.end()


class JoinView:
    """The panel's three parts, children of the card page, placed by the projector view."""

    def __init__(self, page: QWidget, text_colour: str, muted_colour: str) -> None:
        self.heading = self._label(page, "joinHeading", text_colour)
        self.code = self._label(page, "joinCode", text_colour)
        self.address = self._label(page, "joinAddress", muted_colour)
        self.qr = QrSquare(page)
        self.qr.hide()
        self._panel: JoinPanel | None = None
        self._heights = (0, 0, 0)

    @staticmethod
    def _label(page: QWidget, name: str, colour: str) -> QLabel:
        label = QLabel(page)
        label.setObjectName(name)
        # An address and digits: never markup.
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom)
        label.setStyleSheet(f"color: {colour};")
        label.hide()
        return label

    @property
    def panel(self) -> JoinPanel | None:
        return self._panel

    def box(self, panel: JoinPanel, width: int, height: int, base: QFont) -> JoinBox:
        """Sets the lines' fonts and texts for this screen, and says where everything goes."""
        heights, widths = [], []
        for label, share, text in (
            (self.heading, _ADDRESS_SHARE, _("Svara på mobilen")),
            (self.code, _CODE_SHARE, panel.code_line),
            (self.address, _ADDRESS_SHARE, panel.short_address),
        ):
            font = QFont(base)
            font.setPixelSize(max(1, round(height * share)))
            font.setBold(label is self.code)
            label.setFont(font)
            label.setText(text)
            metrics = QFontMetrics(font)
            heights.append(round(metrics.height() * _LINE_GAP))
            widths.append(metrics.horizontalAdvance(text))
        self._heights = (heights[0], heights[1], heights[2])
        return join_box(width, height, len(panel.modules), sum(heights), max(widths))

    def show(self, panel: JoinPanel | None, width: int, height: int, base: QFont) -> None:
        self._panel = panel
        parts = (self.heading, self.code, self.address, self.qr)
        if panel is None:
            for part in parts:
                part.hide()
            return
        box = self.box(panel, width, height, base)
        heading_height, code_height, address_height = self._heights
        top = box.text_top
        self.heading.setGeometry(QRect(box.left, top, box.column, heading_height))
        top += heading_height
        self.code.setGeometry(QRect(box.left, top, box.column, code_height))
        top += code_height
        self.address.setGeometry(QRect(box.left, top, box.column, address_height))
        self.qr.setGeometry(QRect(box.qr_x, box.qr_y, box.qr_side, box.qr_side))
        self.qr.set_modules(panel.modules)
        for part in parts:
            part.show()
            part.raise_()

    def visible_text(self) -> list[str]:
        if self._panel is None:
            return []
        return [self.heading.text(), self.code.text(), self.address.text()]
