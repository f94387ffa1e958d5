"""Render a module's film from its script: voices, stills, video, subtitles and chapters.

Everything is made in a hidden folder next to the result and moved into place only when the
whole film is done, so a cancelled or failed render leaves the previous film untouched.
Pillow is imported inside functions only (paint.py): the app never renders, so it never
needs Pillow.
"""

from __future__ import annotations

import shutil
import tempfile
import wave
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from facilitator.core.films.captions import split_tracks
from facilitator.core.films.dialogue_still import layout_dialogue
from facilitator.core.films.layout import layout_still
from facilitator.core.films.lexicon import apply_lexicon
from facilitator.core.films.paint import measure, paint
from facilitator.core.films.script import FilmScript, Scene, ScriptError, Voice, load_script
from facilitator.core.films.stills import Shape, StillOverflowError
from facilitator.core.films.subtitles import Chapter, Cue, write_chapters, write_subtitles
from facilitator.core.films.timeline import Shot, Timeline, plan_timeline, utterances
from facilitator.core.films.tools import (
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
from facilitator.core.work import IsCancelled, Progress

# The errors are re-exported so that a caller (the CLI) needs to import this module only.
__all__ = [
    "MissingToolError",
    "RenderCancelledError",
    "RenderError",
    "RenderResult",
    "ScriptError",
    "Spoken",
    "draw_still",
    "output_names",
    "render_film",
    "spoken_sentences",
]

Stage = Callable[[str], None]
"""Told what the render is doing now ("Sätter ihop filmen"), for a person watching."""

_DEFAULT_AUDIO = AudioFormat(channels=1, sample_width=2, rate=22050)


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
    english_cues: tuple[Cue, ...] = ()


@dataclass(frozen=True)
class Spoken:
    """One sentence as espeak-ng gets it: the lexicon applied, in the speaker's voice."""

    scene: int  # index
    utterance: int  # index within the scene
    text: str
    voice: Voice


def output_names(language: str = "sv", *, english: bool = False) -> dict[str, str]:
    """The file names in `film/`; a real film that replaces the rendered one uses the same."""
    names = {
        "video": "film.mp4",
        "subtitles_vtt": f"film.{language}.vtt",
        "subtitles_srt": f"film.{language}.srt",
        "chapters": "film.chapters.vtt",
    }
    if english:
        names |= {"english_vtt": "film.en.vtt", "english_srt": "film.en.srt"}
    return names


def spoken_sentences(script: FilmScript) -> list[Spoken]:
    """Everything the film says, sentence by sentence, exactly as the voices are given it."""
    spoken: list[Spoken] = []
    for index, scene in enumerate(script.scenes):
        for number, utterance in enumerate(utterances(scene, script)):
            for sentence in utterance.sentences:
                text = apply_lexicon(sentence, script.lexicon)
                spoken.append(Spoken(index, number, text, utterance.voice))
    return spoken


def _shapes(script: FilmScript, scene: Scene, line: int | None) -> list[Shape]:
    if scene.is_dialogue:
        return layout_dialogue(scene, script.characters, line, script.size, measure)
    return layout_still(scene, script.size, measure)


def draw_still(script: FilmScript, scene: int, out: Path, line: int | None = None) -> None:
    """Draw one still as PNG (a scene's, or its dialogue line's); handy to preview a script
    without rendering the film."""
    shown = script.scenes[scene]
    paint(_shapes(script, shown, line), script.size, out)


def _stills(script: FilmScript) -> dict[tuple[int, int | None], list[Shape]]:
    """Every still the film can show, laid out before any speech is made: text that does not
    fit is the most common authoring mistake and should be reported at once."""
    stills: dict[tuple[int, int | None], list[Shape]] = {}
    for index, scene in enumerate(script.scenes):
        lines: list[int | None] = [None, *range(len(scene.lines))]
        for line in lines if scene.is_dialogue else [None]:
            try:
                stills[(index, line)] = _shapes(script, scene, line)
            except StillOverflowError as error:
                message = _("Scen {number}: {error}").format(number=index + 1, error=error)
                raise RenderError(message) from None
    return stills


def _report(progress: Progress | None, stage: Stage | None, fraction: float, message: str) -> None:
    if stage is not None:
        stage(message)
    if progress is not None:
        progress(min(1.0, fraction))


def _synthesise(
    script: FilmScript,
    work: Path,
    tools: Tools,
    cancel: IsCancelled | None,
    report: Callable[[int], None],
) -> tuple[list[bytes], list[list[list[int]]], AudioFormat]:
    # One sentence at a time: each sentence's start and end is then known exactly, which is
    # what keeps subtitles and speech together (a whole-scene WAV only gives its length).
    chunks: list[bytes] = []
    lengths: list[list[list[int]]] = [
        [[] for _u in utterances(scene, script)] for scene in script.scenes
    ]
    audio: AudioFormat | None = None
    reported = -1
    for number, spoken in enumerate(spoken_sentences(script)):
        if spoken.scene != reported:
            report(spoken.scene)
            reported = spoken.scene
        wav = work / f"speech-{number:04d}.wav"
        speak(spoken.text, wav, spoken.voice, tools, cancel)
        fmt, pcm = read_wav(wav)
        if audio is not None and fmt != audio:
            raise RenderError(_("espeak-ng gav ljud i olika format"))
        audio = fmt
        chunks.append(pcm)
        lengths[spoken.scene][spoken.utterance].append(
            len(pcm) // (fmt.sample_width * fmt.channels)
        )
    return chunks, lengths, audio or _DEFAULT_AUDIO


def _write_sound(
    chunks: Sequence[bytes], timeline: Timeline, audio: AudioFormat, out: Path
) -> None:
    width = audio.sample_width * audio.channels
    with wave.open(str(out), "wb") as writer:
        writer.setnchannels(audio.channels)
        writer.setsampwidth(audio.sample_width)
        writer.setframerate(audio.rate)
        written = 0
        for start, pcm in zip(timeline.starts, chunks, strict=True):
            writer.writeframes(bytes((start - written) * width))
            writer.writeframes(pcm)
            written = start + len(pcm) // width
        writer.writeframes(bytes(max(0, timeline.samples - written) * width))


def _clips(
    shots: Sequence[Shot],
    stills: dict[tuple[int, int | None], list[Shape]],
    size: tuple[int, int],
    work: Path,
    tools: Tools,
    cancel: IsCancelled | None,
) -> list[Path]:
    clips: list[Path] = []
    for number, shot in enumerate(shots):
        card = work / f"shot-{number:04d}.png"
        paint(stills[(shot.scene, shot.line)], size, card)
        clips.append(work / f"shot-{number:04d}.mp4")
        encode_still(card, shot.frames, clips[-1], tools, cancel)
    return clips


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
    stills = _stills(script)
    tools = find_tools()
    names = output_names(script.language, english=script.has_english)
    count = len(script.scenes)

    def said(scene: int) -> None:
        label = _("Scen {number} av {total}").format(number=scene + 1, total=count)
        _report(progress, stage, 0.6 * scene / count, label)

    work = Path(tempfile.mkdtemp(prefix=".render-", dir=film_dir))
    try:
        chunks, lengths, audio = _synthesise(script, work, tools, cancel, said)
        timeline = plan_timeline(script, lengths, audio.rate)
        _report(progress, stage, 0.6, _("Ritar bilderna"))
        clips = _clips(timeline.shots, stills, script.size, work, tools, cancel)
        _report(progress, stage, 0.9, _("Sätter ihop filmen"))
        _write_sound(chunks, timeline, audio, work / "a.wav")
        mux(clips, work / "a.wav", work / names["video"], tools, cancel)
        swedish, english = split_tracks(timeline.captions)
        write_subtitles(work / names["subtitles_vtt"], swedish)
        write_subtitles(work / names["subtitles_srt"], swedish)
        if script.has_english:
            write_subtitles(work / names["english_vtt"], english)
            write_subtitles(work / names["english_srt"], english)
        write_chapters(work / names["chapters"], timeline.chapters)
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
        duration=timeline.duration,
        size_bytes=video.stat().st_size,
        cues=tuple(swedish),
        chapters=timeline.chapters,
        english_cues=tuple(english),
    )
