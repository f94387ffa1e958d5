"""The package stays readable: small files with one job, and a composition root that only
composes (ARCHITECTURE.md: a file past ~400 lines is asking to be split)."""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "facilitator"
LIMIT = 400
ROOT_LIMIT = 250


def _lines(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


def test_no_file_in_the_package_is_over_400_lines() -> None:
    long = {
        str(path.relative_to(PACKAGE)): _lines(path)
        for path in PACKAGE.rglob("*.py")
        if "migrations" not in path.parts and _lines(path) > LIMIT
    }
    assert long == {}


def test_the_composition_root_only_composes() -> None:
    assert _lines(PACKAGE / "app.py") <= ROOT_LIMIT


def test_every_package_folder_is_a_package() -> None:
    folders = {p.parent for p in PACKAGE.rglob("*.py")} - {PACKAGE}
    missing = [
        str(folder.relative_to(PACKAGE))
        for folder in sorted(folders)
        if not (folder / "__init__.py").exists() and "migrations" not in folder.parts
    ]
    assert missing == []
