"""The bare baseline for the start-up benchmark: PySide6 shows one empty window and reports
readiness the same way the app does."""

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

from facilitator.ui.ready import seconds_since_process_start

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1200, 780)
window.show()


def report() -> None:
    window.repaint()
    print(f"first_paint_ms={round(seconds_since_process_start() * 1000)}", flush=True)
    app.exit(0)


QTimer.singleShot(0, lambda: QTimer.singleShot(0, report))
sys.exit(app.exec())
