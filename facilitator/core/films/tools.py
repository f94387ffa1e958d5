"""The two outside programs a film needs: espeak-ng for the voice and ffmpeg for the video.

Every call is offline, gets fixed options (so the same script gives the same bytes) and can be
cancelled: the program is polled and killed rather than left running after the user said stop.
"""

from __future__ import annotations

import shutil
import subprocess
import wave
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from facilitator.core.films.script import Voice
from facilitator.core.i18n import _
from facilitator.core.work import IsCancelled, WorkCancelled

__all__ = [
    "FPS",
    "AudioFormat",
    "MissingToolError",
    "RenderCancelledError",
    "RenderError",
    "Tools",
    "encode_still",
    "find_tools",
    "mux",
    "read_wav",
    "speak",
]

FPS = 10
INSTALL = "sudo apt-get install espeak-ng ffmpeg"
# Fixed so that two renders of one script are byte-identical: no creation time, no library
# version strings, and one thread so x264 takes the same decisions every time.
_BITEXACT = ["-map_metadata", "-1", "-fflags", "+bitexact", "-threads", "1"]
_BITEXACT += ["-flags:v", "+bitexact", "-flags:a", "+bitexact"]
# Every scene starts on a keyframe, so chapters seek exactly; one more every 10 s is enough
# for pause points. Between keyframes a still image costs almost nothing, which is why the
# film stays small; "veryfast" is both quicker and, for still cards, no larger than slower
# presets.
_STILL = ["-c:v", "libx264", "-preset", "veryfast", "-tune", "stillimage", "-crf", "30"]
_STILL += ["-g", str(10 * FPS), "-r", str(FPS)]
_AUDIO = ["-c:a", "aac", "-b:a", "48k", "-ac", "1", "-movflags", "+faststart"]
_QUIET = ["-nostdin", "-y", "-loglevel", "error"]


class RenderError(RuntimeError):
    """The film could not be made. The message is plain Swedish."""


class MissingToolError(RenderError):
    def __init__(self, tool: str, command: str = INSTALL) -> None:
        self.tool = tool
        message = _(
            "Programmet {tool} saknas. Det behövs för att göra filmer. "
            "Installera det med: {command}"
        )
        super().__init__(message.format(tool=tool, command=command))


class RenderCancelledError(RenderError, WorkCancelled):
    def __init__(self) -> None:
        super().__init__(_("Filmen avbröts. Inga filer ändrades."))


@dataclass(frozen=True)
class Tools:
    espeak: str
    ffmpeg: str


def find_tools() -> Tools:
    found = {name: shutil.which(name) for name in ("espeak-ng", "ffmpeg")}
    for name, path in found.items():
        if path is None:
            raise MissingToolError(name)
    return Tools(espeak=found["espeak-ng"] or "", ffmpeg=found["ffmpeg"] or "")


def _never() -> bool:
    return False


def _run(args: Sequence[str], cancel: IsCancelled | None, cwd: Path | None = None) -> None:
    cancel = cancel or _never
    if cancel():
        raise RenderCancelledError
    with subprocess.Popen(
        list(args),
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    ) as process:
        while True:
            try:
                _out, err = process.communicate(timeout=0.1)
                break
            except subprocess.TimeoutExpired:
                if cancel():
                    process.kill()
                    process.communicate()
                    raise RenderCancelledError from None
    if process.returncode != 0:
        detail = err.decode("utf-8", "replace").strip().splitlines()[-3:]
        message = _("{tool} misslyckades: {detail}")
        raise RenderError(message.format(tool=Path(args[0]).name, detail=" ".join(detail)))


@dataclass(frozen=True)
class AudioFormat:
    channels: int
    sample_width: int
    rate: int


def read_wav(path: Path) -> tuple[AudioFormat, bytes]:
    with wave.open(str(path), "rb") as reader:
        audio = AudioFormat(reader.getnchannels(), reader.getsampwidth(), reader.getframerate())
        return audio, reader.readframes(reader.getnframes())


def speak(text: str, wav: Path, voice: Voice, tools: Tools, cancel: IsCancelled | None) -> None:
    # Through a file, not the command line: narration may start with "-" or be long.
    source = wav.with_suffix(".txt")
    source.write_text(text, encoding="utf-8")
    options = ["-v", voice.name, "-s", str(voice.speed), "-p", str(voice.pitch), "-b", "1"]
    _run([tools.espeak, *options, "-f", str(source), "-w", str(wav)], cancel)


def encode_still(
    image: Path, frames: int, out: Path, tools: Tools, cancel: IsCancelled | None
) -> None:
    """A video-only H.264 clip showing one image for a number of frames."""
    # Convert the image once and repeat the converted frame, rather than decoding the PNG
    # again for every frame (-loop 1): a render is several times faster.
    repeat = f"format=yuv420p,loop=loop={frames - 1}:size=1:start=0"
    source = ["-framerate", str(FPS), "-i", str(image), "-vf", repeat, "-frames:v", str(frames)]
    _run([tools.ffmpeg, *_QUIET, *source, *_STILL, *_BITEXACT, str(out)], cancel)


def mux(
    clips: Sequence[Path], audio: Path, out: Path, tools: Tools, cancel: IsCancelled | None
) -> None:
    """Join the clips without re-encoding and add the narration as mono AAC."""
    listing = out.with_suffix(".txt")
    listing.write_text(
        "ffconcat version 1.0\n" + "".join(f"file '{clip.name}'\n" for clip in clips),
        encoding="utf-8",
    )
    inputs = ["-f", "concat", "-safe", "0", "-i", str(listing), "-i", str(audio)]
    streams = ["-map", "0:v", "-map", "1:a", "-c:v", "copy"]
    _run([tools.ffmpeg, *_QUIET, *inputs, *streams, *_AUDIO, *_BITEXACT, str(out)], cancel)
