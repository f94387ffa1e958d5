"""One current Settings: a change saved by one part survives a later save by another."""

from __future__ import annotations

from pathlib import Path

from facilitator.core.application.settings_service import SettingsService
from facilitator.core.settings import Settings, SettingsStore


def test_the_remembered_projector_survives_a_later_save_elsewhere(tmp_path: Path) -> None:
    # The bug: the session remembered the screen in the file but not in the app's copy, and
    # the next save (a plan file, the settings dialog) wrote the stale copy over it.
    store = SettingsStore(tmp_path / "settings.toml")
    service = SettingsService(store, store.load().settings)
    service.change(projector_screen="HDMI-1")  # the launcher, placing the projector
    service.change(recent_plans=("/tmp/a.plan.json",))  # the planner, saving a plan
    edited = service.current.with_changes(end_of_step_sound=False)
    service.replace(edited)  # the settings dialog
    saved = store.load().settings
    assert saved.projector_screen == "HDMI-1"
    assert saved.recent_plans == ("/tmp/a.plan.json",)
    assert saved.end_of_step_sound is False


def test_listeners_hear_each_change_once(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path / "settings.toml")
    service = SettingsService(store, Settings())
    heard: list[Settings] = []
    service.changed.connect(heard.append)
    service.change(knowledge_target_percent=70)
    service.change(knowledge_target_percent=70)  # no change, no news
    assert [s.knowledge_target_percent for s in heard] == [70]


def test_a_change_that_cannot_be_saved_holds_and_says_so(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the config folder should be")
    service = SettingsService(SettingsStore(blocker / "settings.toml"), Settings())
    problem = service.change(subtitle_size="large")
    assert problem is not None and "kunde inte sparas" in problem
    assert service.current.subtitle_size == "large"


def test_the_default_target_is_declared_once() -> None:
    from facilitator.core.export.model import DEFAULT_TARGET

    assert Settings().knowledge_target_percent / 100 == DEFAULT_TARGET
