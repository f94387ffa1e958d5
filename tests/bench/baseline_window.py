"""The bare baseline for the start-up and quit benchmarks: PySide6 shows one empty window and
reports its first paint the way the app does. With ``--wait`` it then runs until standard input
closes, as `facilitator --ready-then-wait` does, and ends as a bare Qt program ends."""

import sys

from PySide6.QtCore import QSocketNotifier, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

from facilitator.ui.ready import seconds_since_process_start

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1200, 780)
window.show()
wait = "--wait" in sys.argv


def on_stdin() -> None:
    if not sys.stdin.readline():
        app.exit(0)


def report() -> None:
    window.repaint()
    print(f"first_paint_ms={round(seconds_since_process_start() * 1000)}", flush=True)
    if not wait:
        app.exit(0)


notifier = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)
if wait:
    notifier.activated.connect(on_stdin)
else:
    notifier.setEnabled(False)
QTimer.singleShot(0, lambda: QTimer.singleShot(0, report))
sys.exit(app.exec())
