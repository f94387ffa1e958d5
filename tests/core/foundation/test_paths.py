from pathlib import Path

from facilitator.core.paths import PORTABLE_FOLDER, resolve_paths


def test_home_variable_overrides_every_folder(tmp_path: Path) -> None:
    paths = resolve_paths(environ={"FACILITATOR_HOME": str(tmp_path)})
    for folder in (paths.data_dir, paths.config_dir, paths.log_dir):
        assert folder.is_relative_to(tmp_path)
    assert paths.database_file.is_relative_to(tmp_path)


def test_portable_keeps_data_next_to_the_app(tmp_path: Path) -> None:
    paths = resolve_paths(portable=True, environ={}, app_dir=tmp_path)
    assert paths.data_dir.is_relative_to(tmp_path / PORTABLE_FOLDER)
    assert paths.settings_file.is_relative_to(tmp_path / PORTABLE_FOLDER)


def test_default_is_per_user_and_not_the_app_folder(tmp_path: Path) -> None:
    paths = resolve_paths(environ={}, app_dir=tmp_path)
    assert not paths.data_dir.is_relative_to(tmp_path)
    assert "acilitator" in str(paths.data_dir)


def test_ensure_creates_private_folders(tmp_path: Path) -> None:
    paths = resolve_paths(environ={"FACILITATOR_HOME": str(tmp_path / "h")})
    paths.ensure()
    assert paths.user_modules_dir.is_dir()
    assert (paths.data_dir.stat().st_mode & 0o077) == 0


def test_existing_loose_folders_are_tightened(tmp_path: Path) -> None:
    paths = resolve_paths(environ={"FACILITATOR_HOME": str(tmp_path / "h")})
    paths.data_dir.mkdir(parents=True)
    paths.data_dir.chmod(0o755)
    paths.ensure()
    assert (paths.data_dir.stat().st_mode & 0o777) == 0o700
