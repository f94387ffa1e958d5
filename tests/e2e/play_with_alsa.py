"""Child process for test_vlc_quiet: plays a film through the app's VlcPlayer with libVLC's
ALSA output and the app's log file, so the parent can read this process's stdout and stderr.

    python -m tests.e2e.play_with_alsa FILM LOG_FILE SECONDS
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def main(film: Path, log_file: Path, seconds: float) -> int:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QCoreApplication, QTimer

    from facilitator.core.logsetup import configure_logging
    from facilitator.ui.video.vlc_player import VlcPlayer

    configure_logging(log_file)
    app = QCoreApplication([sys.argv[0]])
    player = VlcPlayer(video_output="dummy", audio_output="alsa", start_timeout_ms=10_000)
    played: list[float] = []
    player.time_changed.connect(played.append)
    player.failed.connect(lambda message: print("FAILED", message) or app.quit())
    player.ended.connect(app.quit)
    QTimer.singleShot(round(seconds * 1000), app.quit)
    player.load(film, [])
    player.play()
    app.exec()
    player.release()
    # The parent checks the film really played: this line is the only output expected.
    print(f"PLAYED {max(played, default=0.0):.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2]), float(sys.argv[3])))
