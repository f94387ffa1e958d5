"""Which subtitles a film starts with, and the order S steps through."""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitator.core.films.subtitle_choice import language_name, next_language, starting_language
from facilitator.core.settings import Settings, SettingsError, SettingsStore

BOTH = ("sv", "ar")


def test_a_film_starts_with_the_preferred_language_else_its_first_track() -> None:
    assert starting_language("ar", BOTH) == "ar"
    assert starting_language("first", BOTH) == "sv"
    assert starting_language("so", BOTH) == "sv"  # not in this film: its first track
    assert starting_language("off", BOTH) is None
    assert starting_language("ar", ()) is None


def test_s_steps_from_off_through_each_language_and_back() -> None:
    seen = [None]
    for _ in range(3):
        seen.append(next_language(seen[-1], BOTH))
    assert seen == [None, "sv", "ar", None]
    assert next_language("sv", ("sv",)) is None
    assert next_language("fa", BOTH) == "sv"  # a language gone from the list starts over


def test_each_language_is_named_in_itself() -> None:
    assert language_name("sv") == "Svenska"
    assert language_name("ar") == "العربية"
    assert language_name("xyz") == "XYZ"


def test_the_setting_is_saved_and_checked(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path / "settings.toml")
    assert Settings().subtitle_language == "first"
    store.save(Settings(subtitle_language="ar"))
    assert store.load().settings.subtitle_language == "ar"
    for bad in ("Arabic", "ar\n", "", 7):
        with pytest.raises(SettingsError):
            Settings(subtitle_language=bad)  # type: ignore[arg-type]
