"""The planner's step table: one row per step, with a minutes field and a "Ta med" box in each
row.

The keyboard moves inside the table with the arrows and leaves it with Tab, so every control
of the planner is a Tab or two away (with Tab walking the cells, a long plan kept the keyboard
inside). A row's fields are reached with the arrows, as the table's other cells are: they are
not Tab stops of their own. The table also knows which cell the keyboard is in, so the planner
can put the keyboard back on the same column of a row after rebuilding the rows."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QTableWidget, QWidget

# Arrows that move from a row's field to the neighbouring cell. A number field keeps Up and
# Down for its number, as every spin box does; Left and Right move on, since the number is
# selected whenever the field gets the keyboard and typing replaces it.
STEPS = {
    Qt.Key.Key_Left: (0, -1),
    Qt.Key.Key_Right: (0, 1),
    Qt.Key.Key_Up: (-1, 0),
    Qt.Key.Key_Down: (1, 0),
}
NUMBER_KEYS = (Qt.Key.Key_Up, Qt.Key.Key_Down)


class StepTable(QTableWidget):
    def __init__(self, rows: int, columns: int, parent: QWidget | None = None) -> None:
        super().__init__(rows, columns, parent)
        self.setTabKeyNavigation(False)

    def setCellWidget(self, row: int, column: int, widget: QWidget) -> None:
        # Reached by the arrows and the mouse only; Tab goes past the table.
        widget.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        widget.installEventFilter(self)
        super().setCellWidget(row, column, widget)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(watched, QWidget):
            return False
        if event.type() == QEvent.Type.FocusIn:
            # A field clicked or reached by the arrows makes its row the one that Alt+Up,
            # Alt+Down and Ctrl+B act on.
            cell = self._cell_of(watched)
            if cell is not None and (self.currentRow(), self.currentColumn()) != cell:
                self.setCurrentCell(*cell)
        elif event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            return self._arrow_from_field(watched, event)
        return False

    def _arrow_from_field(self, field: QWidget, event: QKeyEvent) -> bool:
        key = Qt.Key(event.key())
        if key not in STEPS or event.modifiers() != Qt.KeyboardModifier.NoModifier:
            return False
        if isinstance(field, QAbstractSpinBox) and key in NUMBER_KEYS:
            return False
        cell = self._cell_of(field)
        if cell is None:
            return False
        rows, columns = STEPS[key]
        row, column = cell[0] + rows, cell[1] + columns
        if 0 <= row < self.rowCount() and 0 <= column < self.columnCount():
            self.focus_cell(row, column)
        return True

    def focusNextPrevChild(self, next: bool) -> bool:
        # Tab in a row's field: go on from the table's own place in the focus order (the
        # fields are made after every other control, so their place is at its very end).
        focus = QApplication.focusWidget()
        if focus is not None and focus is not self and self.isAncestorOf(focus):
            self.setFocus(Qt.FocusReason.TabFocusReason)
        return super().focusNextPrevChild(next)

    def focused_cell(self) -> tuple[int, int] | None:
        """The row and column the keyboard is in: a row's field, or the table's own cursor;
        None when the keyboard is elsewhere."""
        focus = QApplication.focusWidget()
        if focus is None:
            return None
        if focus is self:
            index = self.currentIndex()
            return (index.row(), index.column()) if index.isValid() else None
        return self._cell_of(focus)

    def focus_cell(self, row: int, column: int) -> None:
        """Put the table's cursor and the keyboard on this cell: into its field if it has one."""
        self.setCurrentCell(row, column)
        widget: QWidget | None = self.cellWidget(row, column)
        (widget or self).setFocus(Qt.FocusReason.OtherFocusReason)

    def _cell_of(self, widget: QWidget) -> tuple[int, int] | None:
        for row in range(self.rowCount()):
            for column in range(self.columnCount()):
                cell = self.cellWidget(row, column)
                if cell is not None and (cell is widget or cell.isAncestorOf(widget)):
                    return row, column
        return None
