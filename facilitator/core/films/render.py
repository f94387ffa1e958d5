"""Render a module's film from its script: voice, cards, video, subtitles and chapters.

Everything is made in a hidden folder next to the result and moved into place only when the
whole film is done, so a cancelled or failed render leaves the previous film untouched.
Pillow is imported inside functions only: the app never renders, so it never needs Pillow.
"""

from __future__ import annotations

import math
import shutil
import tempfile
import wave
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from facilitator.core.films.layout import layout_still
from facilitator.core.films.narration import plan_cues, split_sentences, time_cues
from facilitator.core.films.script import FilmScript, Scene, ScriptError, load_script
from facilitator.core.films.stills import (
    BACKGROUND,
    Ellipse,
    Line,
    Polygon,
    RoundRect,
    Shape,
    StillOverflowError,
    Text,
)
from facilitator.core.films.subtitles import Chapter, Cue, write_chapters, write_subtitles
from facilitator.core.films.tools import (
    FPS,
    AudioFormat,
    MissingToolError,
    RenderCancelledError,
    RenderError,
    Tools,
    encode_still,
    find_tools,
    mux,
    read_wav,
    speak,
)
from facilitator.core.i18n import _
from facilitator.core.paths import resources_dir
from facilitator.core.work import IsCancelled, Progress

if TYPE_CHECKING:
    from PIL.ImageFont import FreeTypeFont, ImageFont

# The errors are re-exported so that a caller (the CLI) needs to import this module only.
__all__ = [
    "MissingToolError",
    "RenderCancelledError",
    "RenderError",
    "RenderResult",
    "ScriptError",
    "draw_still",
    "output_names",
    "render_film",
]

Stage = Callable[[str], None]
"""Told what the render is doing now ("Sätter ihop filmen"), for a person watching."""

LEAD_IN = 0.3  # seconds of card before the voice starts, so speech never starts on a cut
_DEFAULT_AUDIO = AudioFormat(channels=1, sample_width=2, rate=22050)
_FONT_DIRS = (resources_dir() / "fonts", Path("/usr/share/fonts/truetype/dejavu"))


@dataclass(frozen=True)
class RenderResult:
    video: Path
    subtitles_vtt: Path
    subtitles_srt: Path
    chapters_file: Path
    duration: float
    size_bytes: int
    cues: tuple[Cue, ...]
    chapters: tuple[Chapter, ...]


@dataclass(frozen=True)
class _SceneAudio:
    frames: int  # video frames the scene lasts
    speech: tuple[bytes, ...]  # one PCM chunk per sentence


def output_names(language: str = "sv") -> dict[str, str]:
    """The file names in `film/`; a real film that replaces the rendered one uses the same."""
    return {
        "video": "film.mp4",
        "subtitles_vtt": f"film.{language}.vtt",
        "subtitles_srt": f"film.{language}.srt",
        "chapters": "film.chapters.vtt",
    }


@lru_cache(maxsize=64)
def _font(size: int, bold: bool) -> FreeTypeFont | ImageFont:
    try:
        from PIL import ImageFont  # noqa: PLC0415 - Pillow is an author's tool, not the app's
    except ImportError:
        raise MissingToolError("Pillow", "pip install Pillow") from None

    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    for folder in _FONT_DIRS:
        if (folder / name).is_file():
            return ImageFont.truetype(str(folder / name), size)
    return ImageFont.load_default(size)


def _measure(text: str, size: int, bold: bool) -> float:
    return float(_font(size, bold).getlength(text))


def _paint(shapes: Sequence[Shape], size: tuple[int, int], out: Path) -> None:
    from PIL import Image, ImageDraw  # noqa: PLC0415 - as in _font

    image = Image.new("RGB", size, BACKGROUND[:3])
    # An RGBA draw blends translucent fills (the overlap of the two circles) onto the card.
    draw = ImageDraw.Draw(image, "RGBA")
    for shape in shapes:
        match shape:
            case Polygon():
                draw.polygon(shape.points, shape.fill, shape.outline, shape.width)
            case Ellipse():
                draw.ellipse(shape.box, shape.fill, shape.outline, shape.width)
            case Line():
                draw.line(shape.points, shape.fill, shape.width, joint="curve")
            case RoundRect():
                draw.rounded_rectangle(
                    shape.box, shape.radius, shape.fill, shape.outline, shape.width
                )
            case Text():
                font = _font(shape.size, shape.bold)
                draw.text(shape.xy, shape.text, shape.fill, font, anchor=shape.anchor)
    image.save(out, format="PNG")


def draw_still(scene: Scene, size: tuple[int, int], out: Path) -> None:
    """Draw one card as PNG; also handy to preview a script without rendering the film."""
    _paint(layout_still(scene, size, _measure), size, out)


def _layout(scene: Scene, number: int, size: tuple[int, int]) -> list[Shape]:
    try:
        return layout_still(scene, size, _measure)
    except StillOverflowError as error:
        raise RenderError(_("Scen {number}: {error}").format(number=number, error=error)) from None


def _frames(seconds: float) -> int:
    return max(1, math.ceil(round(seconds * FPS, 6)))


def _synthesise(
    scene: Scene,
    number: int,
    script: FilmScript,
    work: Path,
    tools: Tools,
    cancel: IsCancelled | None,
) -> tuple[_SceneAudio, AudioFormat | None]:
    chunks: list[bytes] = []
    audio: AudioFormat | None = None
    # One sentence at a time: each sentence's start and end is then known exactly, which is
    # what keeps subtitles and speech together (a whole-scene WAV only gives its length).
    for index, sentence in enumerate(split_sentences(scene.narration)):
        wav = work / f"scene-{number:03d}-{index:03d}.wav"
        speak(sentence, wav, script.voice, tools, cancel)
        fmt, pcm = read_wav(wav)
        if audio is not None and fmt != audio:
            raise RenderError(_("espeak-ng gav ljud i olika format"))
        audio = fmt
        chunks.append(pcm)
    rate = (audio or _DEFAULT_AUDIO).rate
    bytes_per_frame = (audio or _DEFAULT_AUDIO).sample_width * (audio or _DEFAULT_AUDIO).channels
    speech = sum(len(c) for c in chunks) / bytes_per_frame / rate
    if scene.duration == "auto":
        frames = _frames(LEAD_IN + speech + script.voice.pause)
    else:
        frames = _frames(scene.duration)
        if speech and LEAD_IN + speech > frames / FPS:
            message = _(
                "Scen {number}: berättarrösten tar {speech:.1f} s men duration är {duration:g} s. "
                'Skriv duration = "auto" eller en längre tid.'
            )
            raise RenderError(
                message.format(number=number, speech=LEAD_IN + speech, duration=scene.duration)
            )
    return _SceneAudio(frames, tuple(chunks)), audio


def _assemble(
    scenes: Sequence[tuple[Scene, _SceneAudio]], audio: AudioFormat, out: Path
) -> tuple[list[Cue], list[Chapter], float]:
    """Write the film's sound track and time the subtitles and chapters from it."""
    bytes_per_frame = audio.sample_width * audio.channels
    samples_per_frame = audio.rate // FPS if audio.rate % FPS == 0 else audio.rate / FPS
    cues: list[Cue] = []
    starts: list[tuple[Scene, float]] = []
    written = 0  # samples
    with wave.open(str(out), "wb") as writer:
        writer.setnchannels(audio.channels)
        writer.setsampwidth(audio.sample_width)
        writer.setframerate(audio.rate)
        for scene, sound in scenes:
            scene_start = written
            starts.append((scene, scene_start / audio.rate))
            lead = round(LEAD_IN * audio.rate)
            writer.writeframes(bytes(lead * bytes_per_frame))
            written += lead
            spans: list[tuple[float, float]] = []
            for pcm in sound.speech:
                samples = len(pcm) // bytes_per_frame
                spans.append((written / audio.rate, (written + samples) / audio.rate))
                writer.writeframes(pcm)
                written += samples
            end = scene_start + round(sound.frames * samples_per_frame)
            writer.writeframes(bytes((end - written) * bytes_per_frame))
            written = end
            if spans:
                cues += time_cues(plan_cues(split_sentences(scene.narration)), spans)
    total = written / audio.rate
    marks = [(s.chapter, start) for s, start in starts if s.chapter is not None]
    chapters = [
        Chapter(c.id, c.title, start, marks[i + 1][1] if i + 1 < len(marks) else total)
        for i, (c, start) in enumerate(marks)
    ]
    return cues, chapters, total


def _report(progress: Progress | None, stage: Stage | None, fraction: float, message: str) -> None:
    if stage is not None:
        stage(message)
    if progress is not None:
        progress(min(1.0, fraction))


def render_film(
    module_dir: Path,
    *,
    progress: Progress | None = None,
    cancel: IsCancelled | None = None,
    stage: Stage | None = None,
) -> RenderResult:
    """Render `film/script.toml` in a module folder into `film/film.mp4` and its text tracks.

    Raises ScriptError for an invalid script, MissingToolError when espeak-ng or ffmpeg is not
    installed, RenderCancelledError when ``cancel`` returns True (nothing is changed then)
    and RenderError for anything else that stops the film being made.
    """
    film_dir = module_dir / "film"
    script = load_script(film_dir / "script.toml")
    # Lay out every card before any speech is made: text that does not fit is the most
    # common authoring mistake and should be reported at once, not minutes into a render.
    cards = [_layout(scene, number, script.size) for number, scene in enumerate(script.scenes, 1)]
    tools = find_tools()
    names = output_names(script.language)
    total_steps = len(script.scenes) + 1
    work = Path(tempfile.mkdtemp(prefix=".render-", dir=film_dir))
    try:
        rendered: list[tuple[Scene, _SceneAudio]] = []
        clips: list[Path] = []
        audio: AudioFormat | None = None
        for number, scene in enumerate(script.scenes, start=1):
            label = _("Scen {number} av {total}").format(number=number, total=len(script.scenes))
            _report(progress, stage, (number - 1) / total_steps, label)
            sound, fmt = _synthesise(scene, number, script, work, tools, cancel)
            audio = audio or fmt
            if fmt is not None and fmt != audio:
                raise RenderError(_("espeak-ng gav ljud i olika format"))
            card = work / f"scene-{number:03d}.png"
            _paint(cards[number - 1], script.size, card)
            clips.append(work / f"scene-{number:03d}.mp4")
            encode_still(card, sound.frames, clips[-1], tools, cancel)
            rendered.append((scene, sound))
        _report(progress, stage, len(script.scenes) / total_steps, _("Sätter ihop filmen"))
        cues, chapters, duration = _assemble(rendered, audio or _DEFAULT_AUDIO, work / "a.wav")
        mux(clips, work / "a.wav", work / names["video"], tools, cancel)
        write_subtitles(work / names["subtitles_vtt"], cues)
        write_subtitles(work / names["subtitles_srt"], cues)
        write_chapters(work / names["chapters"], chapters)
        if cancel is not None and cancel():
            raise RenderCancelledError
        for name in names.values():
            (work / name).replace(film_dir / name)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    _report(progress, stage, 1.0, _("Filmen är klar"))
    video = film_dir / names["video"]
    return RenderResult(
        video=video,
        subtitles_vtt=film_dir / names["subtitles_vtt"],
        subtitles_srt=film_dir / names["subtitles_srt"],
        chapters_file=film_dir / names["chapters"],
        duration=duration,
        size_bytes=video.stat().st_size,
        cues=tuple(cues),
        chapters=tuple(chapters),
    )
