"""Import a pack through the UI path (worker, progress, message) into a fresh data folder; the
library then offers it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from facilitator.core.content.pack import pack_module
from facilitator.core.paths import resolve_paths
from facilitator.ui.library.module_importer import ModuleImporter
from facilitator.ui.tasks import BackgroundTasks

ROOT = Path(__file__).resolve().parents[2]


def test_pack_made_by_pack_imports_in_another_data_folder(
    qtbot, tmp_path: Path, monkeypatch
) -> None:
    pack = pack_module(
        ROOT / "modules" / "03-grund-3-interkulturell-kompetens", tmp_path / "grund3.fmod"
    ).path
    paths = resolve_paths()
    paths.ensure()
    parent = QWidget()
    qtbot.addWidget(parent)
    messages: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: messages.append(text))
    importer = ModuleImporter(parent, BackgroundTasks(), paths.user_modules_dir, lambda: None)
    with qtbot.waitSignal(importer.imported, timeout=30_000) as done:
        importer.run(pack)
    result = done.args[0]
    assert result.module_id == "grund-3-interkulturell-kompetens"
    assert (paths.user_modules_dir / result.module_id / "module.toml").is_file()
    assert (paths.user_modules_dir / result.module_id / "film" / "film.mp4").is_file()
    assert messages and result.module_id not in ("",)


def test_hostile_pack_is_refused_with_a_message(qtbot, tmp_path: Path, monkeypatch) -> None:
    bad = tmp_path / "inte-en-modul.fmod"
    bad.write_bytes(b"PK\\x03\\x04 trasig")
    paths = resolve_paths()
    paths.ensure()
    parent = QWidget()
    qtbot.addWidget(parent)
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    importer = ModuleImporter(parent, BackgroundTasks(), paths.user_modules_dir, lambda: None)
    importer.run(bad)
    qtbot.waitUntil(lambda: bool(warnings), timeout=10_000)
    assert list(paths.user_modules_dir.iterdir()) == []
