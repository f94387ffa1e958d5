"""Does this computer have somewhere to send a film's sound? Asked of the operating system, not
of libVLC: without a sound card libVLC does not say so, it only retries (see
`facilitator.ui.video.vlc_log`), and the room hears nothing.

Linux: a playback device in ALSA's /proc listing (HDMI to a projector counts), or a running sound
server (PulseAudio or PipeWire, which can also send sound to Bluetooth). Windows: the
number of wave-out devices. macOS always has its built-in output.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

PROC_ASOUND = Path("/proc/asound")


@dataclass(frozen=True)
class AudioOutput:
    """``found`` None: this platform cannot be asked. ``names`` are what was found, for the
    leader to recognise (a card's name, "PulseAudio")."""

    found: bool | None
    names: tuple[str, ...] = ()


def _alsa_playback(proc_asound: Path) -> list[str]:
    # Lines read "00-03: HDMI 0 : HDMI 0 : playback 1": card-device, id, name, directions.
    try:
        lines = (proc_asound / "pcm").read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return []
    names = []
    for line in lines:
        fields = [field.strip() for field in line.split(":")]
        if len(fields) >= 3 and any(field.startswith("playback") for field in fields[3:]):
            names.append(fields[2] or fields[1])
    return names


def _sound_servers(env: Mapping[str, str]) -> list[str]:
    servers = []
    runtime = env.get("XDG_RUNTIME_DIR")
    if env.get("PULSE_SERVER") or (runtime and Path(runtime, "pulse", "native").exists()):
        servers.append("PulseAudio")
    if runtime and Path(runtime, "pipewire-0").exists():
        servers.append("PipeWire")
    return servers


def _windows_devices() -> int:
    return int(ctypes.windll.winmm.waveOutGetNumDevs())  # type: ignore[attr-defined]


def find_audio_output(
    platform: str = sys.platform,
    proc_asound: Path = PROC_ASOUND,
    env: Mapping[str, str] | None = None,
) -> AudioOutput:
    if platform == "darwin":
        return AudioOutput(True, ("macOS",))
    if platform.startswith("win"):
        try:
            count = _windows_devices()
        except (OSError, AttributeError):
            return AudioOutput(None)
        return AudioOutput(count > 0)
    if platform.startswith("linux"):
        names = _alsa_playback(proc_asound) + _sound_servers(os.environ if env is None else env)
        return AudioOutput(bool(names), tuple(dict.fromkeys(names)))
    return AudioOutput(None)
