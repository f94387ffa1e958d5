"""Typed settings stored as TOML in the config folder.

A settings file that cannot be read or does not validate is moved aside (never deleted) and the
defaults are used; the caller gets a message to show the leader. Settings are read before the
first window appears, so they are a plain dataclass with explicit checks rather than a pydantic
model: importing pydantic would double the app's start-up time (docs/decisions/0004).
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, field, fields, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import tomli_w

from facilitator.core.i18n import _

if TYPE_CHECKING:
    from datetime import datetime

LANGUAGES = ("auto", "sv", "en")
# The IKO plan's indicator: at least this share of participants report more knowledge.
DEFAULT_KNOWLEDGE_TARGET_PERCENT = 60
SUBTITLE_SIZES = ("normal", "large", "extra_large")
# Which subtitles a film starts with: the film's first track, none, or a language code (the
# film's first track when the film does not have that language).
SUBTITLES_FIRST = "first"
SUBTITLES_OFF = "off"
SUBTITLE_LANGUAGE = re.compile(r"[a-z]{2,3}")


class SettingsError(ValueError):
    pass


@dataclass(frozen=True)
class Settings:
    language: str = "auto"
    projector_screen: str | None = None
    end_of_step_sound: bool = True
    subtitle_size: str = "normal"
    subtitle_language: str = SUBTITLES_FIRST
    knowledge_target_percent: int = DEFAULT_KNOWLEDGE_TARGET_PERCENT
    retention_days: int | None = None
    recent_plans: tuple[str, ...] = field(default_factory=tuple)
    window_geometry: str | None = None
    """Where the main window was last (Qt's saveGeometry, base64); None: maximised."""
    export_folder: str | None = None
    """Where the last export went; None until then (the UI starts in the Documents folder)."""
    last_place: str = ""
    """The planner offers the place of the last session: a leader mostly uses one room."""
    leader_name: str = ""
    """Optional, printed on the summary; empty means none is stored."""
    high_contrast: bool = False
    """The high-contrast look (black, white and yellow) instead of the system's colours."""
    phones_on: bool = False
    """"Deltagarna svarar på mobilen": the room answers from its phones on the local network
    (issue 20). Off until a leader turns it on; then remembered for the next session."""

    def __post_init__(self) -> None:
        _check_choice("language", self.language, LANGUAGES)
        _check_choice("subtitle_size", self.subtitle_size, SUBTITLE_SIZES)
        _check_type("subtitle_language", self.subtitle_language, str)
        if self.subtitle_language not in (SUBTITLES_FIRST, SUBTITLES_OFF) and not (
            SUBTITLE_LANGUAGE.fullmatch(self.subtitle_language)
        ):
            raise SettingsError(
                f"subtitle_language: first, off or a language code, not {self.subtitle_language!r}"
            )
        _check_type("end_of_step_sound", self.end_of_step_sound, bool)
        _check_type("high_contrast", self.high_contrast, bool)
        _check_type("phones_on", self.phones_on, bool)
        _check_int("knowledge_target_percent", self.knowledge_target_percent, 0, 100)
        if self.retention_days is not None:
            _check_int("retention_days", self.retention_days, 1, 3650)
        if self.projector_screen is not None:
            _check_type("projector_screen", self.projector_screen, str)
        if self.window_geometry is not None:
            _check_type("window_geometry", self.window_geometry, str)
        if self.export_folder is not None:
            _check_type("export_folder", self.export_folder, str)
        _check_type("last_place", self.last_place, str)
        _check_type("leader_name", self.leader_name, str)
        if not all(isinstance(p, str) for p in self.recent_plans) or len(self.recent_plans) > 10:
            raise SettingsError("recent_plans: at most 10 file paths")

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> Settings:
        known = {f.name for f in fields(cls)}
        unknown = set(data) - known
        if unknown:
            raise SettingsError(f"unknown settings: {', '.join(sorted(unknown))}")
        values = dict(data)
        if "recent_plans" in values:
            if not isinstance(values["recent_plans"], list):
                raise SettingsError("recent_plans: a list")
            values["recent_plans"] = tuple(values["recent_plans"])
        return cls(**values)

    def to_mapping(self) -> dict[str, Any]:
        data = {k: v for k, v in asdict(self).items() if v is not None}
        data["recent_plans"] = list(self.recent_plans)
        return data

    def with_changes(self, **changes: Any) -> Settings:
        return replace(self, **changes)


def _check_choice(name: str, value: object, choices: tuple[str, ...]) -> None:
    if value not in choices:
        raise SettingsError(f"{name}: one of {', '.join(choices)}, not {value!r}")


def _check_type(name: str, value: object, kind: type) -> None:
    if not isinstance(value, kind):
        raise SettingsError(f"{name}: a {kind.__name__}, not {value!r}")


def _check_int(name: str, value: object, low: int, high: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise SettingsError(f"{name}: a whole number {low}–{high}, not {value!r}")


@dataclass(frozen=True)
class LoadedSettings:
    settings: Settings
    problem: str | None = None


class SettingsStore:
    def __init__(self, path: Path, now: Callable[[], datetime] | None = None) -> None:
        self._path = path
        self._now = now

    @property
    def path(self) -> Path:
        return self._path

    def load(self) -> LoadedSettings:
        if not self._path.exists():
            return LoadedSettings(Settings())
        try:
            data = tomllib.loads(self._path.read_text(encoding="utf-8"))
            return LoadedSettings(Settings.from_mapping(data))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, SettingsError, TypeError):
            aside = self._set_aside()
            message = _(
                "Inställningarna gick inte att läsa, så standardinställningarna används. "
                "Den gamla filen finns kvar som {file}."
            ).format(file=aside)
            return LoadedSettings(Settings(), problem=message)

    def save(self, settings: Settings) -> None:
        """Write atomically so a crash mid-write never leaves a half file."""
        self._path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        tmp = self._path.with_suffix(".toml.tmp")
        descriptor = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "wb") as handle:
            tomli_w.dump(settings.to_mapping(), handle)
            handle.flush()
            os.fsync(handle.fileno())
        tmp.replace(self._path)

    def _set_aside(self) -> Path:
        stamp = (self._now or datetime.now)().strftime("%Y%m%d-%H%M%S")
        aside = self._path.with_name(f"{self._path.stem}.broken-{stamp}.toml")
        try:
            self._path.replace(aside)
        except OSError:
            return self._path
        return aside
