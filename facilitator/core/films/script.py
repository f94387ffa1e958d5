"""The film script (`film/script.toml`): what is said, shown and drawn, scene by scene.

Unknown keys are errors, as in the module manifest, so a misspelt key is reported instead of
silently leaving a scene without its narration.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator
from pydantic_core import ErrorDetails

from facilitator.core.i18n import N_, _

__all__ = [
    "ILLUSTRATIONS",
    "MAX_LABELS",
    "ChapterStart",
    "FilmScript",
    "Illustration",
    "Scene",
    "ScriptError",
    "Voice",
    "load_script",
    "parse_script",
]

Illustration = Literal[
    "none", "iceberg", "two-circles", "three-pillars", "speech-bubbles", "map-kalmar", "quote"
]
ILLUSTRATIONS: tuple[str, ...] = Illustration.__args__  # type: ignore[attr-defined]

# How many short labels each drawing has room for, in the order the drawing places them.
MAX_LABELS: dict[str, int] = {
    "none": 0,
    "quote": 0,
    "iceberg": 2,  # above the water, below the water
    "two-circles": 3,  # left, right, the overlap
    "three-pillars": 3,  # left, middle, right pillar
    "speech-bubbles": 2,  # first bubble, second bubble
    "map-kalmar": 2,  # the town, the sea
}
MAX_LABEL_CHARS = 24
_ID = r"^[a-z0-9][a-z0-9-]{0,62}$"


class ScriptError(ValueError):
    """A script that cannot be read or is not valid. The message is plain Swedish."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class ChapterStart(_Strict):
    id: str = Field(pattern=_ID)
    title: str = Field(min_length=1, max_length=80)


class Voice(_Strict):
    name: str = Field(default="sv", pattern=r"^[A-Za-z0-9_+-]{1,40}$", description="espeak-ng")
    speed: int = Field(default=150, ge=80, le=300, description="Words per minute")
    pitch: int = Field(default=50, ge=0, le=99)
    pause: float = Field(default=1.0, ge=0, le=10, description="Silence after each narration")


class Scene(_Strict):
    chapter: ChapterStart | None = None
    narration: str = ""
    heading: str = Field(default="", max_length=120)
    text: str = Field(default="", max_length=600)
    illustration: Illustration = "none"
    labels: list[Annotated[str, Field(min_length=1, max_length=MAX_LABEL_CHARS)]] = Field(
        default_factory=list
    )
    duration: Literal["auto"] | Annotated[float, Field(ge=1, le=600)] = "auto"

    @model_validator(mode="after")
    def _consistent(self) -> Scene:
        if not self.narration and self.duration == "auto":
            raise ValueError(_("en scen utan narration behöver en duration i sekunder"))
        if not (self.narration or self.heading or self.text or self.illustration != "none"):
            raise ValueError(_("scenen är tom"))
        room = MAX_LABELS[self.illustration]
        if len(self.labels) > room:
            message = _("bilden {name} har plats för högst {room} etiketter").format(
                name=self.illustration, room=room
            )
            raise ValueError(message)
        if self.illustration == "quote" and not self.text:
            raise ValueError(_("ett citat (quote) behöver själva citatet i text"))
        return self


class FilmScript(_Strict):
    title: str = Field(min_length=1, max_length=120)
    language: str = Field(default="sv", pattern=r"^[a-z]{2,3}$")
    voice: Voice = Field(default_factory=Voice)
    resolution: str = Field(default="1280x720", pattern=r"^[0-9]{3,4}x[0-9]{3,4}$")
    scenes: list[Scene] = Field(min_length=1, max_length=200)

    @model_validator(mode="after")
    def _consistent(self) -> FilmScript:
        width, height = self.size
        # yuv420p needs even sides; the bounds keep cards readable and files small.
        if width % 2 or height % 2 or not (320 <= width <= 1920 and 180 <= height <= 1080):
            raise ValueError(_("resolution måste vara jämna tal mellan 320x180 och 1920x1080"))
        if self.scenes[0].chapter is None:
            raise ValueError(_("första scenen måste starta ett kapitel (chapter)"))
        seen: set[str] = set()
        for scene in self.scenes:
            if scene.chapter is None:
                continue
            if scene.chapter.id in seen:
                message = _("kapitel-id {id} förekommer mer än en gång")
                raise ValueError(message.format(id=scene.chapter.id))
            seen.add(scene.chapter.id)
        return self

    @property
    def size(self) -> tuple[int, int]:
        width, height = self.resolution.split("x")
        return int(width), int(height)


def _where(location: tuple[int | str, ...]) -> str:
    parts: list[str] = []
    for index, part in enumerate(location):
        if isinstance(part, int) and index > 0 and location[index - 1] == "scenes":
            parts[-1] = _("scen {number}").format(number=part + 1)
        elif isinstance(part, int):
            parts.append(_("nr {number}").format(number=part + 1))
        elif not part.startswith(("literal[", "float", "constrained-", "function-")):
            parts.append(part)
    return ", ".join(parts) or _("skriptet")


# Pydantic's own messages are English; authors get the common ones in Swedish.
_MESSAGES = {
    "extra_forbidden": N_("okänd nyckel – stavfel?"),
    "missing": N_("saknas"),
    "literal_error": N_("måste vara ett av: {expected}"),
    "string_pattern_mismatch": N_("har fel form"),
    "string_too_short": N_("får inte vara tom"),
    "string_too_long": N_("är för lång, högst {max_length} tecken"),
    "too_short": N_("behöver minst {min_length}"),
    "too_long": N_("får ha högst {max_length}"),
    "greater_than_equal": N_("måste vara minst {ge}"),
    "less_than_equal": N_("får vara högst {le}"),
    "float_parsing": N_("måste vara ett tal"),
    "float_type": N_("måste vara ett tal"),
    "int_parsing": N_("måste vara ett heltal"),
    "int_type": N_("måste vara ett heltal"),
    "string_type": N_("måste vara text"),
}


def _message(item: ErrorDetails) -> str:
    location = item["loc"]
    if "duration" in location:
        return _('måste vara "auto" eller ett antal sekunder mellan 1 och 600')
    if item["type"] == "string_pattern_mismatch" and location[-1:] == ("resolution",):
        return _("skriv bredd x höjd, till exempel 1280x720")
    if item["type"] == "string_pattern_mismatch" and location[-1:] == ("id",):
        return _("får bara innehålla a–z, siffror och bindestreck")
    template = _MESSAGES.get(item["type"])
    if template is None:
        return str(item["msg"]).removeprefix("Value error, ")
    context = {key: str(value) for key, value in (item.get("ctx") or {}).items()}
    if "expected" in context:
        context["expected"] = context["expected"].replace(" or ", _(" eller "))
    try:
        return _(template).format(**context)
    except (KeyError, IndexError):
        return str(item["msg"])


def _describe(error: ValidationError) -> str:
    lines = [f"{_where(tuple(item['loc']))}: {_message(item)}" for item in error.errors()]
    # A union (duration) reports once per member; one line per place is enough.
    return "\n".join(dict.fromkeys(lines))


def parse_script(text: str) -> FilmScript:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ScriptError(_("skriptet är inte giltig TOML: {error}").format(error=error)) from None
    try:
        return FilmScript.model_validate(data)
    except ValidationError as error:
        raise ScriptError(_describe(error)) from None


def load_script(path: Path) -> FilmScript:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ScriptError(_("filmskriptet saknas: {path}").format(path=path)) from None
    except (OSError, UnicodeDecodeError) as error:
        message = _("filmskriptet {path} går inte att läsa: {error}")
        raise ScriptError(message.format(path=path, error=error)) from None
    return parse_script(text)
