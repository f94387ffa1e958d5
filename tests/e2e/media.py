"""Small real films for tests, made with ffmpeg (H.264/AAC MP4 like the bundled ones)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest


def make_film(path: Path, seconds: int = 6, colour: str = "testsrc2") -> Path:
    if shutil.which("ffmpeg") is None:
        pytest.fail("ffmpeg is not installed (make test installs it)")
    path.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            "ffmpeg",
            "-v",
            "error",
            "-y",
            "-f",
            "lavfi",
            "-i",
            f"{colour}=duration={seconds}:size=320x240:rate=25",
            "-f",
            "lavfi",
            "-i",
            f"sine=frequency=440:duration={seconds}",
            "-pix_fmt",
            "yuv420p",
            "-c:v",
            "libx264",
            "-preset",
            "ultrafast",
            "-c:a",
            "aac",
            "-shortest",
            str(path),
        ],
        check=True,
    )
    return path


def write_vtt(path: Path, lines: list[tuple[float, float, str]]) -> Path:
    def stamp(t: float) -> str:
        return f"00:{int(t // 60):02d}:{t % 60:06.3f}"

    cues = "\n\n".join(f"{stamp(a)} --> {stamp(b)}\n{text}" for a, b, text in lines)
    path.write_text(f"WEBVTT\n\n{cues}\n", encoding="utf-8")
    return path
