"""Several films' trial playback at once, their results handed on in the modules' order.

libVLC demuxes and decodes on its own native threads, so the films overlap without Python
threads or processes: the GUI thread only starts players and receives their queued signals
(a few milliseconds of Python per film). What bounds the overlap is the processor: beyond a
couple of films per core they only take turns, and a late film would eat into its own start
time-out on a loaded laptop.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence

from PySide6.QtCore import QEventLoop, QObject, QTimer, Signal

from facilitator.core.precheck.modules import FilmTarget
from facilitator.core.precheck.system import CheckItem
from facilitator.ui.precheck.media import SUBTITLE_GRACE_MS, FilmCheck

MakeCheck = Callable[[FilmTarget, QObject], FilmCheck]


def default_parallel() -> int:
    """Films played at once: three per core, at most eight. Measured on 2 cores with the nine
    bundled films: one at a time 2.7 s, two 1.8 s, four 1.2 s, six 1.0 s, nine no better;
    most of a film's time is libVLC opening it and buffering, which overlaps well."""
    return max(2, min(8, 3 * (os.cpu_count() or 1)))


class FilmBatch(QObject):
    """Starts up to ``parallel`` `FilmCheck`s, the next as soon as one finishes. ``item_ready``
    gives each film's line in the order of ``targets`` (a fast film waits for the ones before
    it); ``finished`` follows the last. `cancel` ends the films still playing or waiting."""

    item_ready = Signal(int, CheckItem)
    finished = Signal()

    def __init__(
        self,
        targets: Sequence[FilmTarget],
        make_check: MakeCheck,
        parallel: int | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._targets = tuple(targets)
        self._make_check = make_check
        self._parallel = max(1, parallel or default_parallel())
        self._waiting = list(range(len(self._targets)))
        self._playing: dict[int, FilmCheck] = {}
        self._results: dict[int, CheckItem] = {}
        self._shown = 0
        self._done = False

    @property
    def done(self) -> bool:
        return self._done

    def results(self) -> list[CheckItem]:
        """The lines known so far, in order (all of them once ``finished``)."""
        return [self._results[i] for i in range(self._shown)]

    def start(self) -> None:
        self._fill()

    def cancel(self) -> None:
        """Every film not finished yet ends as cancelled, in order."""
        self._waiting, waiting = [], self._waiting
        for index, check in list(self._playing.items()):
            check.cancel()  # finishes synchronously: _film_finished records it
            self._playing.pop(index, None)
        for index in waiting:
            check = self._make_check(self._targets[index], self)
            check.cancel()
            self._record(index, check)
        self._deliver()

    # -- the queue ---------------------------------------------------------------------------

    def _fill(self) -> None:
        while self._waiting and len(self._playing) < self._parallel:
            index = self._waiting.pop(0)
            check = self._make_check(self._targets[index], self)
            self._playing[index] = check
            # A bound method, not a closure over self: a closure held by the check's
            # connection kept a parentless batch alive until the check was destroyed, and
            # the batch then went down inside the check's destructor, deleting it twice.
            check.finished.connect(self._film_finished)
            check.start()
        self._deliver()

    def _film_finished(self, _item: CheckItem) -> None:
        sender = self.sender()
        index = next((i for i, check in self._playing.items() if check is sender), None)
        if index is None:
            return
        self._record(index, self._playing.pop(index))
        # Through the event loop: a film that fails at once (no file) must not recurse here.
        QTimer.singleShot(0, self, self._fill)

    def _record(self, index: int, check: FilmCheck) -> None:
        assert check.result is not None  # every way out of FilmCheck sets it
        self._results[index] = check.result
        check.deleteLater()

    def _deliver(self) -> None:
        while self._shown in self._results:
            self._shown += 1
            self.item_ready.emit(self._shown - 1, self._results[self._shown - 1])
        if not self._done and self._shown == len(self._targets):
            self._done = True
            self.finished.emit()


def play_films(
    targets: Sequence[FilmTarget],
    make_check: MakeCheck,
    timeout_ms: int,
    report: Callable[[CheckItem], None],
    parallel: int | None = None,
) -> list[CheckItem]:
    """Every film, waited for in a local event loop (the command line); ``report`` sees each
    line in order as soon as it and those before it are known. A QTimer bounds the wait even
    if libVLC never answers: each round of films may take its start time-out and the
    subtitles' grace."""
    batch = FilmBatch(targets, make_check, parallel)
    batch.item_ready.connect(lambda _index, item: report(item))
    loop = QEventLoop()
    batch.finished.connect(loop.quit)
    rounds = -(-len(targets) // max(1, parallel or default_parallel()))
    guard = QTimer()
    guard.setSingleShot(True)
    guard.timeout.connect(loop.quit)
    batch.start()
    if not batch.done:
        guard.start(rounds * (timeout_ms + SUBTITLE_GRACE_MS) + 2_000)
        loop.exec()
    if not batch.done:
        batch.cancel()
    return batch.results()
