"""The pre-session check as a dialog: the same list as `facilitator check`, built while the
leader watches, with "Kör igen" for after plugging in the projector or installing VLC.

Pass and fail are told by a word and an icon on every line, never by colour alone. The checks
that need no Qt run on a worker; the films are played on the GUI thread several at once (a
`FilmBatch`), each waiting for libVLC's queued signals, so the window stays responsive
throughout. Their lines are added in the modules' order.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from facilitator.core.i18n import _
from facilitator.core.precheck.modules import FilmTarget
from facilitator.core.precheck.system import CheckItem, all_passed, verdict
from facilitator.ui.precheck.film_batch import FilmBatch
from facilitator.ui.precheck.source import PrecheckSource, Prepared
from facilitator.ui.tasks import BackgroundTasks


def item_text(item: CheckItem) -> str:
    """One line of the list, in words: the state first, then what and why, then the fix."""
    state = _("OK") if item.ok else _("FEL")
    lines = [f"{state} – {item.name}", item.detail]
    if item.fix and not item.ok:
        lines.append(_("Gör så här: {fix}").format(fix=item.fix))
    return "\n".join(lines)


class PrecheckDialog(QDialog):
    """Runs the check when first shown; ``completed`` says whether everything passed."""

    completed = Signal(bool)

    def __init__(
        self,
        items_source: PrecheckSource,
        parent: QWidget | None = None,
        *,
        tasks: BackgroundTasks | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("precheckDialog")
        self.setWindowTitle(_("Kontroll före sessionen"))
        self._source = items_source
        self._tasks = tasks or BackgroundTasks(parent=self)
        self._items: list[CheckItem] = []
        self._films: tuple[FilmTarget, ...] = ()
        self._batch: FilmBatch | None = None
        self._generation = 0
        self._running = False
        self._shown_once = False
        self._build()
        self.resize(720, 560)

    # -- layout ------------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        heading = QLabel(_("Kontroll före sessionen"))
        heading.setObjectName("pageTitle")
        layout.addWidget(heading)
        intro = QLabel(
            _(
                "Appen kontrollerar VLC, skärmarna, ljudet, datamappen, typsnitten och "
                "modulerna, och provspelar början av varje film med undertexter."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self._list = QListWidget()
        self._list.setObjectName("precheckList")
        self._list.setWordWrap(True)
        self._list.setUniformItemSizes(False)
        self._list.setSpacing(4)
        self._list.setAccessibleName(_("Resultat av kontrollen"))
        layout.addWidget(self._list, 1)
        self._status = QLabel()
        self._status.setObjectName("precheckStatus")
        self._status.setWordWrap(True)
        layout.addWidget(self._status)
        self._progress = QProgressBar()
        self._progress.setObjectName("precheckProgress")
        self._progress.setTextVisible(True)
        layout.addWidget(self._progress)
        self._verdict = QLabel()
        self._verdict.setObjectName("precheckVerdict")
        self._verdict.setWordWrap(True)
        self._verdict.setStyleSheet("font-weight: bold; font-size: 12pt;")
        layout.addWidget(self._verdict)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.rerun_button = QPushButton(_("Kör igen"))
        self.rerun_button.setObjectName("precheckRerun")
        self.rerun_button.clicked.connect(self.run)
        buttons.addWidget(self.rerun_button)
        close = QPushButton(_("Stäng"))
        close.setObjectName("precheckClose")
        close.clicked.connect(self.reject)
        buttons.addWidget(close)
        layout.addLayout(buttons)

    # -- state -------------------------------------------------------------------------------

    @property
    def items(self) -> list[CheckItem]:
        return list(self._items)

    @property
    def running(self) -> bool:
        return self._running

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            QTimer.singleShot(0, self.run)

    def done(self, result: int) -> None:
        """Closing stops a film being played; a worker still busy is ignored when it ends."""
        self._stop()
        super().done(result)

    # -- the run -----------------------------------------------------------------------------

    def run(self) -> None:
        if self._running:
            return
        self._generation += 1
        generation = self._generation
        self._running = True
        self._items.clear()
        self._films = ()
        self._list.clear()
        self._verdict.clear()
        self.rerun_button.setEnabled(False)
        self._progress.setRange(0, 0)  # busy until the number of films is known
        self._status.setText(_("Kontrollerar VLC, datamappen och modulerna …"))
        self._tasks.run(
            self._source.prepare,
            lambda prepared: self._prepared(generation, prepared),
            lambda error: self._prepare_failed(generation, error),
            owner=self,
        )

    def _prepared(self, generation: int, prepared: Prepared) -> None:
        if generation != self._generation or not self._running:
            return
        for item in (prepared.vlc, self._source.screens(), *prepared.items):
            self._add(item)
        self._films = prepared.films
        self._progress.setRange(0, max(1, len(self._films)))
        self._progress.setValue(0)
        if self._films and prepared.vlc_available:
            self._play_films()
            return
        for index, target in enumerate(self._films):
            self._film_done(index, self._source.film_skipped(target))
        # Not from inside the worker's result signal: finishing there (the dialog may be
        # closed and deleted as soon as ``completed`` is seen) brought the process down.
        QTimer.singleShot(0, self, self._films_finished)

    def _prepare_failed(self, generation: int, error: Exception) -> None:
        if generation != self._generation or not self._running:
            return
        self._add(
            CheckItem(
                _("Kontrollen"),
                False,
                _("Kontrollen kunde inte köras ({error}).").format(error=error),
                _("Kör igen. Hjälper inte det, se loggfilen."),
            )
        )
        self._finish()

    def _play_films(self) -> None:
        self._show_waiting_for(0)
        batch = self._source.film_batch(self._films, parent=self)
        self._batch = batch
        batch.item_ready.connect(self._film_done)
        batch.finished.connect(self._films_finished)
        batch.start()

    def _show_waiting_for(self, index: int) -> None:
        """The status names the film the list waits for: the others may be done already."""
        if index >= len(self._films):
            return
        self._status.setText(
            _("Provspelar film {n} av {total}: {title}").format(
                n=index + 1, total=len(self._films), title=self._films[index].title
            )
        )

    def _film_done(self, index: int, item: CheckItem) -> None:
        if not self._running:
            return
        self._add(item)
        self._progress.setValue(index + 1)
        self._show_waiting_for(index + 1)

    def _films_finished(self) -> None:
        batch, self._batch = self._batch, None
        if batch is not None:
            batch.deleteLater()
        if self._running:
            self._finish()

    def _finish(self) -> None:
        self._running = False
        self._progress.setRange(0, 1)
        self._progress.setValue(1)
        self._status.setText(_("Kontrollen är klar."))
        passed = bool(self._items) and all_passed(self._items)
        self._verdict.setText(("✓ " if passed else "✗ ") + verdict(self._items))
        self.rerun_button.setEnabled(True)
        self.completed.emit(passed)

    def _stop(self) -> None:
        if not self._running:
            return
        self._running = False
        self._generation += 1
        self._films = ()
        batch, self._batch = self._batch, None
        if batch is not None:
            batch.item_ready.disconnect(self._film_done)
            batch.finished.disconnect(self._films_finished)
            batch.cancel()
            batch.deleteLater()
        self._status.setText(_("Kontrollen avbröts."))
        self.rerun_button.setEnabled(True)

    def _add(self, item: CheckItem) -> None:
        self._items.append(item)
        icon = QStyle.StandardPixmap.SP_DialogApplyButton
        if not item.ok:
            icon = QStyle.StandardPixmap.SP_MessageBoxCritical
        row = QListWidgetItem(self.style().standardIcon(icon), item_text(item))
        row.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        row.setData(Qt.ItemDataRole.AccessibleTextRole, item_text(item).replace("\n", ". "))
        self._list.addItem(row)
        self._list.scrollToItem(row)
