"""Loads the stylesheets from resources/styles."""

from __future__ import annotations

from pathlib import Path

from facilitator.core.paths import resources_dir


def stylesheet(name: str, root: Path | None = None) -> str:
    folder = (root or resources_dir()) / "styles"
    try:
        return (folder / f"{name}.qss").read_text(encoding="utf-8")
    except OSError:
        return ""
