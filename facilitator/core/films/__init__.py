"""Module films: subtitles and chapters (read by the player and the validator) and the
authoring pipeline that renders a film from `film/script.toml`.

Importing this package is cheap: rendering lives in `render.py`, which needs espeak-ng,
ffmpeg and Pillow only when a film is actually made.
"""

from facilitator.core.films.script import FilmScript, Scene, ScriptError, load_script
from facilitator.core.films.subtitles import (
    Chapter,
    Cue,
    SubtitleError,
    read_chapters,
    read_subtitles,
)

__all__ = [
    "Chapter",
    "Cue",
    "FilmScript",
    "Scene",
    "ScriptError",
    "SubtitleError",
    "load_script",
    "read_chapters",
    "read_subtitles",
]
