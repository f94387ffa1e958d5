"""The list of this prompt's reflections under the entry field: each row names its kind in a
word (small and bold, above the text, so it never depends on colour), marks "…" while it is
not yet on disk, and wraps long text instead of cutting it off."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from facilitator.core.i18n import _
from facilitator.ui.theme import muted_colour

HEAD_ROLE = Qt.ItemDataRole.UserRole + 1
UUID_ROLE = Qt.ItemDataRole.UserRole
PADDING = 8
GAP = 2


@dataclass(frozen=True)
class ReflectionRow:
    uuid: str
    head: str  # the kind as a word, with "…" while not saved
    text: str
    saved: bool


class _RowDelegate(QStyledItemDelegate):
    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        body = QFont(option.font)
        head = QFont(body)
        head.setBold(True)
        head.setPointSizeF(max(8.0, body.pointSizeF() * 0.8))
        return head, body

    def _text_width(self, option: QStyleOptionViewItem) -> int:
        view = option.widget
        width = view.viewport().width() if isinstance(view, QAbstractItemView) else 300
        return max(60, width - 2 * PADDING)

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        self.initStyleOption(option, index)
        head, body = self._fonts(option)
        width = self._text_width(option)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        flags = int(Qt.TextFlag.TextWordWrap)
        height = QFontMetrics(body).boundingRect(QRect(0, 0, width, 10_000), flags, text).height()
        return QSize(width, 2 * PADDING + QFontMetrics(head).height() + GAP + height)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        self.initStyleOption(option, index)
        rect: QRect = option.rect
        state = option.state
        palette: QPalette = option.palette
        selected = bool(state & QStyle.StateFlag.State_Selected)
        painter.save()
        if selected:
            painter.fillRect(rect, palette.highlight())
        else:
            painter.setPen(palette.mid().color())
            painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        head, body = self._fonts(option)
        text_color = palette.highlightedText().color() if selected else palette.text().color()
        inner = rect.adjusted(PADDING, PADDING, -PADDING, -PADDING)
        painter.setFont(head)
        painter.setPen(text_color if selected else muted_colour(palette))
        head_height = QFontMetrics(head).height()
        painter.drawText(
            QRect(inner.left(), inner.top(), inner.width(), head_height),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            str(index.data(HEAD_ROLE) or ""),
        )
        painter.setFont(body)
        painter.setPen(text_color)
        painter.drawText(
            inner.adjusted(0, head_height + GAP, 0, 0),
            int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignLeft),
            str(index.data(Qt.ItemDataRole.DisplayRole) or ""),
        )
        painter.restore()


class ReflectionList(QListWidget):
    edit_requested = Signal()
    delete_requested = Signal()

    def __init__(self, editable: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reflectionList")
        self._editable = editable
        if editable:
            self.setToolTip(_("F2 eller dubbelklick ändrar · Delete tar bort"))
        self.setItemDelegate(_RowDelegate(self))
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        # Row heights follow the width (wrapped text): lay out again whenever it changes.
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.setUniformItemSizes(False)
        # The field's colours are the look's (QListView in console.qss): a fixed white
        # under the palette's light text was white on white in a dark look.
        self.setStyleSheet("QListWidget { font-size: 12pt; }")
        self.itemDoubleClicked.connect(self._on_double_click)

    def set_rows(self, rows: list[ReflectionRow]) -> None:
        current = self.current_uuid()
        self.clear()
        for row in rows:
            item = QListWidgetItem(row.text)
            item.setData(UUID_ROLE, row.uuid)
            item.setData(HEAD_ROLE, row.head)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{row.head}: {row.text}")
            item.setToolTip(_("Sparat") if row.saved else _("Sparas…"))
            self.addItem(item)
            if row.uuid == current:
                self.setCurrentItem(item)

    def current_uuid(self) -> str | None:
        item = self.currentItem()
        return None if item is None else str(item.data(UUID_ROLE))

    def heads(self) -> list[str]:
        """What each row shows above its text (for tests and screen readers)."""
        return [str(self.item(i).data(HEAD_ROLE)) for i in range(self.count())]

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if not self._editable:
            super().keyPressEvent(event)
        elif key in (Qt.Key.Key_F2, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.edit_requested.emit()
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.delete_requested.emit()
        else:
            super().keyPressEvent(event)

    def _on_double_click(self, _item: QListWidgetItem) -> None:
        if self._editable:
            self.edit_requested.emit()
