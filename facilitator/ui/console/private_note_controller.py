"""Between the console's private-note box and the session's notebook: what is typed goes to
the notebook at once (in memory), and to disk after a short pause in typing, when the leader
stops typing (Enter, Esc, a click elsewhere), on leaving the step (the notebook's ``refresh``)
and at the autosave and quit (``SessionService.save_progress``). Waiting for the pause keeps
one write per burst of typing instead of one per key, and a crash loses at most that pause."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from facilitator.core.application.broadcast import Subscriptions
from facilitator.core.application.private_notebook import PrivateNotebook
from facilitator.ui.widgets.private_note_box import PrivateNoteBox

# Within a second on disk, like a reflection; short enough that a crash loses little.
PAUSE_MS = 700


class PrivateNoteController(QObject):
    def __init__(self, box: PrivateNoteBox, notebook: PrivateNotebook) -> None:
        super().__init__(box)
        self._box = box
        self._notebook = notebook
        self._subscriptions = Subscriptions()
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(PAUSE_MS)
        self._pause.timeout.connect(notebook.flush)
        box.edited.connect(self._on_edited)
        box.finished.connect(self._flush_now)
        self._subscriptions.connect(notebook.changed, box.show_note)
        box.show_note(notebook.view())

    def _on_edited(self, step_key: str, text: str) -> None:
        self._notebook.write(step_key, text)
        self._pause.start()

    def _flush_now(self) -> None:
        self._pause.stop()
        self._notebook.flush()

    def close(self) -> None:
        self._flush_now()
        self._subscriptions.cancel_all()
