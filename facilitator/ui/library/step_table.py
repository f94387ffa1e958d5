"""The planner's step table: one row per step, with a minutes field and a "Ta med" box in each
row. It knows which cell the keyboard is in, so the planner can put the keyboard back on the
same column of a row after it has rebuilt the rows (moving a step, adding a break)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTableWidget, QWidget


class StepTable(QTableWidget):
    def focused_cell(self) -> tuple[int, int] | None:
        """The row and column the keyboard is in: a row's field, or the table's own cursor;
        None when the keyboard is elsewhere."""
        focus = QApplication.focusWidget()
        if focus is None:
            return None
        if focus is self:
            index = self.currentIndex()
            return (index.row(), index.column()) if index.isValid() else None
        for row in range(self.rowCount()):
            for column in range(self.columnCount()):
                widget = self.cellWidget(row, column)
                if widget is not None and (widget is focus or widget.isAncestorOf(focus)):
                    return row, column
        return None

    def focus_cell(self, row: int, column: int) -> None:
        """Put the table's cursor and the keyboard on this cell: into its field if it has one."""
        self.setCurrentCell(row, column)
        widget: QWidget | None = self.cellWidget(row, column)
        (widget or self).setFocus(Qt.FocusReason.OtherFocusReason)
