"""The pre-session check, the parts that need Qt or libVLC: is VLC there, which screens are
connected, and does each film really play with its subtitles.

A film passes when a real `VlcPlayer` (dummy output unless told otherwise, so nothing shows or
sounds) has played its first seconds and loaded every subtitle track within a time limit. With
nothing to show or hear, libVLC plays them faster than real time (`TRIAL_RATE`): every frame
and audio block is still demuxed and decoded, the check only stops waiting for the clock.
`FilmCheck` does one film without blocking (`FilmBatch` runs several at once on the GUI
thread); `check_film` waits for one in a local event loop.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEventLoop, QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication

from facilitator.core.i18n import N_, _, ngettext
from facilitator.core.precheck.modules import FilmTarget
from facilitator.core.precheck.system import CheckItem
from facilitator.ui.video.availability import VlcStatus, install_hint
from facilitator.ui.video.vlc_player import VlcPlayer, VlcUnavailableError

log = logging.getLogger(__name__)

PLAYED_SECONDS = 2.0
"""How far a film must play to count as decoding."""
FILM_TIMEOUT_MS = 10_000
"""How long one film may take to get there (libVLC's start included)."""
SUBTITLE_GRACE_MS = 3_000
"""After the film plays: how long to wait for a subtitle track that has not appeared yet."""
TRIAL_RATE = 16.0
"""How much faster than real time a film is played when nobody watches or listens: its first
seconds then take a fraction of a second. Decoding keeps up on a 2-core laptop (a late frame is
dropped after it was decoded, not before)."""

_REPLACE_FILM = N_("Byt ut filmfilen mot en MP4 (H.264/AAC) eller importera modulen igen.")


def vlc_item(status: VlcStatus) -> CheckItem:
    name = _("VLC")
    if status.available and status.library:
        return CheckItem(
            name,
            True,
            _("VLC {version} fungerar ({library}).").format(
                version=status.version, library=status.library
            ),
        )
    if status.available:
        return CheckItem(name, True, _("VLC {version} fungerar.").format(version=status.version))
    hint = install_hint()
    problem = (status.problem or _("VLC fungerar inte.")).removesuffix(" " + hint)
    return CheckItem(name, False, problem + " " + _("Filmerna kan inte visas."), hint)


def _screen_label(index: int, name: str, width: int, height: int) -> str:
    label = name or _("Skärm {n}").format(n=index)
    return f"{label} {width}×{height}"


def screens_item(app: QGuiApplication | None = None) -> CheckItem:
    """Which screens there are. One screen is not a failure: the session then runs in
    rehearsal mode, with the projector view in a window."""
    name = _("Skärmar")
    gui = app or QGuiApplication.instance()
    screens = gui.screens() if isinstance(gui, QGuiApplication) else []
    primary = gui.primaryScreen() if isinstance(gui, QGuiApplication) else None
    if not screens:
        return CheckItem(
            name,
            False,
            _("Ingen skärm hittades."),
            _("Kontrollera att datorns skärm är påslagen och ansluten."),
        )
    labels = [
        _screen_label(i, s.name(), s.size().width(), s.size().height())
        for i, s in enumerate(screens, start=1)
    ]
    listing = ngettext("{n} skärm: {list}.", "{n} skärmar: {list}.", len(screens)).format(
        n=len(screens), list=", ".join(labels)
    )
    others = [label for screen, label in zip(screens, labels, strict=True) if screen != primary]
    if len(screens) == 1 or not others:
        return CheckItem(
            name,
            True,
            listing
            + " "
            + _(
                "Ingen andra skärm för projektorn: sessionen körs i repetitionsläge. Anslut "
                "projektorn före sessionen om den ska användas."
            ),
        )
    return CheckItem(
        name,
        True,
        listing + " " + _("Projektorbilden kan visas på {screen}.").format(screen=others[0]),
    )


def trial_rate(video_output: str | None, audio_output: str | None) -> float:
    """Real time when the leader asked to see or hear the film (``--video-output auto``)."""
    return TRIAL_RATE if video_output == audio_output == "dummy" else 1.0


def film_not_checked(target: FilmTarget) -> CheckItem:
    """The film could not be tried because VLC is missing (the VLC line says how to fix it)."""
    return CheckItem(
        target.check_name,
        False,
        _("Filmen provspelades inte eftersom VLC saknas."),
        _("Installera VLC, se raden om VLC."),
    )


class FilmCheck(QObject):
    """Plays the first seconds of one film and reports one `CheckItem` through ``finished``.
    Every outcome (played, failed, timed out, cancelled) ends in exactly one ``finished``."""

    finished = Signal(CheckItem)

    def __init__(
        self,
        target: FilmTarget,
        *,
        video_output: str | None = "dummy",
        audio_output: str | None = "dummy",
        timeout_ms: int = FILM_TIMEOUT_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.target = target
        self.result: CheckItem | None = None
        self._video_output = video_output
        self._audio_output = audio_output
        self._timeout_ms = timeout_ms
        self._player: VlcPlayer | None = None
        self._played = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._timed_out)

    def start(self) -> None:
        target = self.target
        if not target.film.is_file():
            self._finish(False, _("Filmfilen {file} finns inte.").format(file=target.film))
            return
        player = VlcPlayer(
            video_output=self._video_output,
            audio_output=self._audio_output,
            start_timeout_ms=self._timeout_ms,
            rate=trial_rate(self._video_output, self._audio_output),
            parent=self,
        )
        self._player = player
        player.time_changed.connect(self._on_time)
        player.failed.connect(lambda message: self._finish(False, message))
        player.ended.connect(self._on_ended)
        try:
            player.load(target.film, target.subtitles)
            self._timer.start(self._timeout_ms)
            player.play()
        except VlcUnavailableError as error:
            self._finish(False, str(error), install_hint())
        except Exception as error:  # a broken libVLC must not take the check down
            log.exception("film check of %s failed", target.film)
            self._finish(False, _("VLC kunde inte öppna filmen ({error}).").format(error=error))

    def cancel(self) -> None:
        self._finish(False, _("Kontrollen avbröts."), _("Kör kontrollen igen."))

    # -- the player's signals (queued onto the GUI thread) ---------------------------------

    def _subtitles_loaded(self) -> bool:
        wanted = len(self.target.subtitles)
        return self._player is not None and self._player.subtitle_track_count() >= wanted

    def _on_time(self, seconds: float) -> None:
        if self.result is not None or seconds < PLAYED_SECONDS:
            return
        if not self._played:
            self._played = True
            self._timer.start(SUBTITLE_GRACE_MS)
        if self._subtitles_loaded():
            self._finish_played()

    def _on_ended(self) -> None:
        # A film shorter than the seconds we wanted has still played to its end.
        if self.result is None:
            self._played = True
            self._finish_played()

    def _timed_out(self) -> None:
        if self._played:
            self._finish_played()
        else:
            self._finish(
                False,
                _("Filmen kom inte igång inom {s} sekunder.").format(
                    s=round(self._timeout_ms / 1000)
                ),
            )

    # -- the outcome -------------------------------------------------------------------------

    def _finish_played(self) -> None:
        seconds = round(PLAYED_SECONDS)
        languages = ", ".join(s.language for s in self.target.subtitles)
        if not self._subtitles_loaded():
            self._finish(
                False,
                _("Filmen spelas, men undertexterna ({languages}) laddades inte.").format(
                    languages=languages
                ),
                _("Kontrollera textningsfilen eller byt ut den mot en WebVTT-fil (.vtt)."),
            )
        elif languages:
            self._finish(
                True,
                _("De första {s} sekunderna spelades, med undertexter ({languages}).").format(
                    s=seconds, languages=languages
                ),
            )
        else:
            self._finish(True, _("De första {s} sekunderna spelades.").format(s=seconds))

    def _finish(self, ok: bool, detail: str, fix: str | None = None) -> None:
        if self.result is not None:
            return
        if fix is None:
            fix = "" if ok else _(_REPLACE_FILM)
        self.result = CheckItem(self.target.check_name, ok, detail, fix)
        self._timer.stop()
        player, self._player = self._player, None
        if player is not None:
            # Late events from libVLC's threads may still be queued: they find nobody.
            player.time_changed.disconnect(self._on_time)
            player.ended.disconnect(self._on_ended)
            player.release()
            player.deleteLater()
        self.finished.emit(self.result)


def check_film(
    target: FilmTarget,
    *,
    video_output: str | None = "dummy",
    audio_output: str | None = "dummy",
    timeout_ms: int = FILM_TIMEOUT_MS,
) -> CheckItem:
    """One film, waited for in a local event loop (no sleeps); a QTimer bounds the wait even
    if libVLC never answers."""
    check = FilmCheck(
        target, video_output=video_output, audio_output=audio_output, timeout_ms=timeout_ms
    )
    loop = QEventLoop()
    check.finished.connect(loop.quit)
    guard = QTimer()
    guard.setSingleShot(True)
    guard.timeout.connect(loop.quit)
    check.start()
    if check.result is None:
        guard.start(timeout_ms + SUBTITLE_GRACE_MS + 2_000)
        loop.exec()
    if check.result is None:
        check.cancel()
    result = check.result
    check.deleteLater()
    assert result is not None  # every way out of FilmCheck sets it
    return result
