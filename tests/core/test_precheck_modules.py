"""The pre-session check of modules: choosing them, validating, parsing subtitles, and the
films it hands over for decoding."""

from __future__ import annotations

import shutil
from pathlib import Path

from facilitator.core.paths import AppPaths, bundled_modules_dir, resolve_paths
from facilitator.core.precheck.modules import module_checks

GRUND_1 = "grund-1-vad-ar-kultur"


def paths() -> AppPaths:
    return resolve_paths()  # FACILITATOR_HOME points into tmp_path


def user_copy(folder_name: str = "01-grund-1-vad-ar-kultur") -> Path:
    """A copy of a bundled module among the user's: on equal versions the user's copy wins."""
    target = paths().user_modules_dir / folder_name
    shutil.copytree(bundled_modules_dir() / folder_name, target)
    return target


def test_one_bundled_module() -> None:
    result = module_checks(paths(), [GRUND_1])
    names = [item.name for item in result.items]
    assert names == ["Modul: Grund 1 – Vad är kultur?", "Undertexter: Grund 1 – Vad är kultur?"]
    assert all(item.ok for item in result.items), result.items
    assert "repliker" in result.items[1].detail
    (film,) = result.films
    assert film.module_id == GRUND_1
    assert film.film.name == "film.mp4" and film.film.is_file()
    assert [s.language for s in film.subtitles] == ["sv", "en"]
    assert film.check_name == "Film: Grund 1 – Vad är kultur?"


def test_every_module_by_default() -> None:
    result = module_checks(paths())
    bundled = [p for p in bundled_modules_dir().iterdir() if (p / "module.toml").is_file()]
    assert len(result.films) == len(bundled)
    assert len({film.module_id for film in result.films}) == len(bundled)


def test_unknown_id_fails_in_its_place() -> None:
    result = module_checks(paths(), ["finns-inte", GRUND_1])
    first = result.items[0]
    assert not first.ok
    assert first.name == "Modul: finns-inte"
    assert "finns-inte" in first.detail
    assert "facilitator modules list" in first.fix
    assert len(result.films) == 1


def test_broken_subtitles_fail_with_file_and_line() -> None:
    folder = user_copy()
    vtt = folder / "film" / "film.sv.vtt"
    lines = vtt.read_text(encoding="utf-8").splitlines()
    timing = next(i for i, line in enumerate(lines) if "-->" in line)
    lines[timing] = "00:00:05.000 --> 00:00:01.000"
    vtt.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = module_checks(paths(), [GRUND_1])
    subtitles = next(i for i in result.items if i.name.startswith("Undertexter"))
    assert not subtitles.ok
    assert f"film/film.sv.vtt rad {timing + 1}" in subtitles.detail
    assert subtitles.fix
    module = next(i for i in result.items if i.name.startswith("Modul"))
    assert not module.ok
    assert "facilitator modules validate" in module.fix


def test_missing_film_fails_and_is_not_handed_over() -> None:
    folder = user_copy()
    (folder / "film" / "film.mp4").unlink()
    result = module_checks(paths(), [GRUND_1])
    film = next(i for i in result.items if i.name.startswith("Film:"))
    assert not film.ok
    assert "film/film.mp4" in film.detail
    assert result.films == ()


def test_no_modules_at_all_fails(monkeypatch) -> None:
    import facilitator.core.precheck.modules as precheck_modules

    monkeypatch.setattr(precheck_modules, "bundled_modules_dir", lambda: Path("/nonexistent"))
    result = module_checks(paths())
    (item,) = result.items
    assert not item.ok
    assert item.detail == "Inga moduler hittades."
