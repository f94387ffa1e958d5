"""Run under a real X server: a projector view full of film, drawn by libVLC into its native
window. Prints "playing" once the film is moving, then waits until standard input closes."""

import sys
from pathlib import Path

from PySide6.QtCore import QSocketNotifier
from PySide6.QtWidgets import QApplication

from facilitator.core.presentation.cards import CardKind, ProjectorCard
from facilitator.ui.projector.projector_view import ProjectorView
from facilitator.ui.video.vlc_player import VlcPlayer

app = QApplication(sys.argv[:1])
view = ProjectorView()
view.setGeometry(0, 0, 640, 360)
view.show_card(ProjectorCard(CardKind.FILM))
view.show()
player = VlcPlayer(audio_output="dummy")
player.attach(view.film_surface)
player.load(Path(sys.argv[1]), [])
told = []


def on_time(seconds: float) -> None:
    if seconds > 1.0 and not told:
        told.append(True)
        player.pause()
        print("playing", flush=True)


player.time_changed.connect(on_time)
player.failed.connect(lambda message: (print("failed", message, flush=True), app.exit(1)))
player.play()
notifier = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)
notifier.activated.connect(lambda: None if sys.stdin.readline() else app.exit(0))
code = app.exec()
player.release()
sys.exit(code)
