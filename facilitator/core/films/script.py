"""The film script (`film/script.toml`): what is said, shown and drawn, scene by scene.

Unknown keys are errors, as in the module manifest, so a misspelt key is reported instead of
silently leaving a scene without its narration.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator
from pydantic_core import ErrorDetails

from facilitator.core.i18n import N_, _

__all__ = [
    "HAIR_STYLES",
    "ILLUSTRATIONS",
    "MAX_LABELS",
    "SETTINGS",
    "ChapterStart",
    "Character",
    "DialogueLine",
    "FilmScript",
    "Illustration",
    "Look",
    "Scene",
    "ScriptError",
    "Setting",
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
_COLOUR = r"^#[0-9a-fA-F]{6}$"
_VOICE = r"^[A-Za-z0-9_+-]{1,40}$"
_WORD = re.compile(r"^\w[\w-]{0,39}$")

Setting = Literal[
    "reception", "office", "break-room", "meeting-room", "classroom", "home", "corridor", "outdoors"
]
SETTINGS: tuple[str, ...] = Setting.__args__  # type: ignore[attr-defined]
HairStyle = Literal["short", "long", "bun", "covered", "bald", "curly"]
HAIR_STYLES: tuple[str, ...] = HairStyle.__args__  # type: ignore[attr-defined]


class ScriptError(ValueError):
    """A script that cannot be read or is not valid. The message is plain Swedish."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class ChapterStart(_Strict):
    id: str = Field(pattern=_ID)
    title: str = Field(min_length=1, max_length=80)


class Voice(_Strict):
    name: str = Field(default="sv", pattern=_VOICE, description="espeak-ng")
    speed: int = Field(default=150, ge=80, le=300, description="Words per minute")
    pitch: int = Field(default=50, ge=0, le=99)
    pause: float = Field(default=1.0, ge=0, le=10, description="Silence after each narration")


class Look(_Strict):
    """How a character is drawn. With ``hair_style = "covered"``, ``hair`` is the scarf's colour."""

    skin: str = Field(default="#c99a78", pattern=_COLOUR)
    hair: str = Field(default="#4a3426", pattern=_COLOUR)
    hair_style: HairStyle = "short"
    top: str = Field(default="#5f86b8", pattern=_COLOUR)
    glasses: bool = False


class Character(_Strict):
    name: str = Field(min_length=1, max_length=24)
    voice: str = Field(default="sv", pattern=_VOICE, description="espeak-ng voice+variant")
    pitch: int = Field(default=50, ge=0, le=99)
    speed: int = Field(default=150, ge=80, le=300)
    look: Look = Field(default_factory=Look)

    def speaking_voice(self) -> Voice:
        return Voice(name=self.voice, speed=self.speed, pitch=self.pitch)


class DialogueLine(_Strict):
    who: str = Field(pattern=_ID)
    say: str = Field(min_length=1, max_length=240)
    en: str = Field(default="", max_length=320)


class Scene(_Strict):
    chapter: ChapterStart | None = None
    narration: str = ""
    narration_en: str = ""
    heading: str = Field(default="", max_length=120)
    text: str = Field(default="", max_length=600)
    illustration: Illustration = "none"
    labels: list[Annotated[str, Field(min_length=1, max_length=MAX_LABEL_CHARS)]] = Field(
        default_factory=list
    )
    duration: Literal["auto"] | Annotated[float, Field(ge=1, le=600)] = "auto"
    setting: Setting | None = None
    characters: list[Annotated[str, Field(pattern=_ID)]] = Field(default_factory=list)
    lines: list[DialogueLine] = Field(default_factory=list)

    @property
    def is_dialogue(self) -> bool:
        return self.setting is not None

    @property
    def speaks(self) -> bool:
        return bool(self.narration or self.lines)

    @model_validator(mode="after")
    def _consistent(self) -> Scene:
        if not self.speaks and self.duration == "auto":
            raise ValueError(_("en scen utan narration behöver en duration i sekunder"))
        if self.narration_en and not self.narration:
            raise ValueError(_("narration_en utan narration: den engelska texten har ingen tid"))
        if self.is_dialogue:
            self._check_dialogue()
            return self
        if self.characters or self.lines:
            raise ValueError(_("characters och lines hör till en dialogscen: ange setting"))
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

    def _check_dialogue(self) -> None:
        if not 2 <= len(self.characters) <= 4:
            raise ValueError(_("en dialogscen har 2–4 personer i characters"))
        if len(set(self.characters)) != len(self.characters):
            raise ValueError(_("samma person står två gånger i characters"))
        if self.text or self.illustration != "none" or self.labels:
            raise ValueError(
                _("en dialogscen visar personerna: text, illustration och labels hör inte hit")
            )
        for number, line in enumerate(self.lines, start=1):
            if line.who not in self.characters:
                message = _("lines nr {number}: {who} är inte med i scenens characters")
                raise ValueError(message.format(number=number, who=line.who))


class FilmScript(_Strict):
    title: str = Field(min_length=1, max_length=120)
    language: str = Field(default="sv", pattern=r"^[a-z]{2,3}$")
    voice: Voice = Field(default_factory=Voice)
    resolution: str = Field(default="1280x720", pattern=r"^[0-9]{3,4}x[0-9]{3,4}$")
    lexicon: dict[str, Annotated[str, Field(min_length=1, max_length=80)]] = Field(
        default_factory=dict, description="word = how espeak-ng should say it"
    )
    characters: dict[str, Character] = Field(default_factory=dict)
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
        problems = [*self._lexicon_problems(), *self._cast_problems(), *self._english_problems()]
        if problems:
            raise ValueError("\n".join(problems))
        return self

    def _lexicon_problems(self) -> list[str]:
        message = _("lexicon, {word}: skriv ett ord (bokstäver, siffror, bindestreck)")
        return [message.format(word=word) for word in self.lexicon if not _WORD.match(word)]

    def _cast_problems(self) -> list[str]:
        problems: list[str] = []
        for key in self.characters:
            if not re.match(_ID, key):
                message = _("characters, {id}: id får bara innehålla a–z, siffror och bindestreck")
                problems.append(message.format(id=key))
        for number, scene in enumerate(self.scenes, start=1):
            for key in scene.characters:
                if key not in self.characters:
                    message = _("scen {number}, characters: {id} saknas under [characters.{id}]")
                    problems.append(message.format(number=number, id=key))
        return problems

    @property
    def has_english(self) -> bool:
        return any(s.narration_en or any(line.en for line in s.lines) for s in self.scenes)

    def _english_problems(self) -> list[str]:
        """Once a script has English anywhere, it needs it everywhere: a film whose English
        subtitles stop halfway is worse than one without."""
        if not self.has_english:
            return []
        problems: list[str] = []
        for number, scene in enumerate(self.scenes, start=1):
            if scene.narration and not scene.narration_en:
                message = _("scen {number}, narration_en: den engelska texten saknas")
                problems.append(message.format(number=number))
            for index, line in enumerate(scene.lines, start=1):
                if not line.en:
                    message = _("scen {number}, lines nr {index}, en: den engelska repliken saknas")
                    problems.append(message.format(number=number, index=index))
        return problems

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
    # A whole-script check names its own places (several scenes at once), so it has no prefix.
    lines = [
        f"{_where(tuple(item['loc']))}: {_message(item)}" if item["loc"] else _message(item)
        for item in error.errors()
    ]
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
