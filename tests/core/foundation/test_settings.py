from datetime import datetime
from pathlib import Path

from facilitator.core.settings import Settings, SettingsStore


def test_defaults_when_no_file(tmp_path: Path) -> None:
    loaded = SettingsStore(tmp_path / "settings.toml").load()
    assert loaded.settings == Settings()
    assert loaded.problem is None


def test_round_trip(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path / "settings.toml")
    store.save(Settings(language="en", projector_screen="HDMI-1", retention_days=365))
    loaded = store.load()
    assert loaded.settings.language == "en"
    assert loaded.settings.projector_screen == "HDMI-1"
    assert loaded.settings.retention_days == 365


def test_garbled_file_is_set_aside_with_a_message(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_bytes(b"language = [this is not toml\x00\xff")
    store = SettingsStore(path, now=lambda: datetime(2026, 11, 23, 9, 30))
    loaded = store.load()
    assert loaded.settings == Settings()
    assert loaded.problem is not None and "standardinställningarna" in loaded.problem
    aside = tmp_path / "settings.broken-20261123-093000.toml"
    assert aside.read_bytes().startswith(b"language = [this")
    assert not path.exists()


def test_invalid_values_are_set_aside_too(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text('language = "klingon"\nknowledge_target_percent = 300\n')
    loaded = SettingsStore(path).load()
    assert loaded.settings.language == "auto"
    assert loaded.problem is not None


def test_export_folder_place_and_leader_are_remembered(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path / "settings.toml")
    assert Settings().export_folder is None  # the UI then starts in Documents
    store.save(
        Settings(export_folder=str(tmp_path / "Rapporter"), last_place="Kalmar", leader_name="Åsa")
    )
    loaded = store.load().settings
    assert (loaded.export_folder, loaded.last_place, loaded.leader_name) == (
        str(tmp_path / "Rapporter"),
        "Kalmar",
        "Åsa",
    )


def test_phones_are_off_until_turned_on_and_then_remembered(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path / "settings.toml")
    assert Settings().phones_on is False
    store.save(Settings(phones_on=True))
    assert store.load().settings.phones_on is True


def test_a_phones_setting_that_is_not_yes_or_no_is_set_aside(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text('phones_on = "ja"\n')
    loaded = SettingsStore(path).load()
    assert loaded.settings.phones_on is False
    assert loaded.problem is not None
