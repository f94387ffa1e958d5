"""The bare baseline for the check benchmark: what decoding the films costs without the app.

A plain Python process loads python-vlc and plays the first two seconds of each film given
on the command line, all at once, each in a libVLC instance of its own with its subtitle
file, at the check's rate with dummy outputs, and exits when every film has played them and
listed its subtitle track. No Qt, no validation, no data folder: the floor under what
`facilitator check` does with the same films.

    python tests/bench/baseline_decode.py RATE FILM.mp4 [FILM.mp4 …]
"""

import sys
import threading

import vlc

PLAYED_MS = 2000
TIMEOUT_S = 15


def play(rate: float, film: str) -> tuple[vlc.Instance, vlc.MediaPlayer, threading.Event]:
    instance = vlc.Instance(
        ["--quiet", "--intf=dummy", "--vout=dummy", "--aout=dummy", f"--rate={rate:g}"]
    )
    player = instance.media_player_new()
    played = threading.Event()

    def on_time(event: vlc.Event) -> None:
        tracks = [t for t in (player.video_get_spu_description() or []) if t[0] >= 0]
        if event.u.new_time >= PLAYED_MS and tracks:
            played.set()

    player.event_manager().event_attach(vlc.EventType.MediaPlayerTimeChanged, on_time)
    player.set_media(instance.media_new_path(film))
    subtitles = film.removesuffix(".mp4") + ".sv.vtt"
    player.add_slave(vlc.MediaSlaveType.subtitle, "file://" + subtitles, True)
    player.play()
    return instance, player, played


def main() -> int:
    rate = float(sys.argv[1])
    running = [play(rate, film) for film in sys.argv[2:]]
    ok = all(played.wait(TIMEOUT_S) for _instance, _player, played in running)
    for instance, player, _played in running:
        player.stop()
        player.release()
        instance.release()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
