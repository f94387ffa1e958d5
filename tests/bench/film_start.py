"""Film start: from play() to libVLC's Playing state and to the first advancing time, through
the app's VlcPlayer against bare python-vlc on the same file, alternately in one process.
Target: ratio of medians ≤ 1.2."""

from __future__ import annotations

import os
import tempfile
import threading
import time
from pathlib import Path

from tests.bench.common import ROOT, BenchResult, median

RUNS = 7
TARGET = 1.2
FILM = ROOT / "modules" / "01-grund-1-vad-ar-kultur" / "film" / "film.mp4"


def bare_start(film: Path) -> float:
    import vlc

    instance = vlc.Instance(["--quiet", "--intf=dummy", "--vout=dummy", "--aout=dummy"])
    player = instance.media_player_new()
    playing = threading.Event()
    player.event_manager().event_attach(
        vlc.EventType.MediaPlayerTimeChanged, lambda e: playing.set() if e.u.new_time > 0 else None
    )
    player.set_media(instance.media_new_path(str(film)))
    began = time.perf_counter()
    player.play()
    playing.wait(10)
    elapsed = time.perf_counter() - began
    player.stop()
    player.release()
    instance.release()
    return elapsed


def app_start(film: Path) -> float:
    from PySide6.QtCore import QEventLoop, QTimer

    from facilitator.ui.video.vlc_player import VlcPlayer

    player = VlcPlayer(video_output="dummy", audio_output="dummy")
    player.ensure()
    loop = QEventLoop()
    player.time_changed.connect(lambda t: loop.quit() if t > 0 else None)
    QTimer.singleShot(10_000, loop.quit)
    player.load(film, [])
    began = time.perf_counter()
    player.play()
    loop.exec()
    elapsed = time.perf_counter() - began
    player.release()
    return elapsed


def run() -> BenchResult:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("FACILITATOR_HOME", tempfile.mkdtemp(prefix="facilitator-bench-"))
    from PySide6.QtWidgets import QApplication

    QApplication.instance() or QApplication([])
    app_times: list[float] = []
    bare_times: list[float] = []
    app_start(FILM)  # warm caches once for both
    bare_start(FILM)
    for _ in range(RUNS):
        app_times.append(app_start(FILM))
        bare_times.append(bare_start(FILM))
    app, bare = median(app_times), median(bare_times)
    ratio = app / bare
    return BenchResult(
        "film start (play → time advancing)",
        f"{app * 1000:.0f} ms",
        f"{bare * 1000:.0f} ms bare python-vlc",
        ratio,
        f"ratio ≤ {TARGET}",
        ratio <= TARGET,
    )


def main() -> None:
    print(run().row())


if __name__ == "__main__":
    main()
