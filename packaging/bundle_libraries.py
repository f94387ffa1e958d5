"""The frozen Linux bundle's shared libraries, checked after the build (docs/decisions/0018):
every library a bundled file needs is in the bundle or is one PyInstaller leaves to the system
on purpose (glibc, GL drivers …), and the small FFmpeg replaced Debian's.

Needs PyInstaller (its list of the system's own libraries) and binutils' ``readelf``.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from PyInstaller.depend.dylib import include_library

ELF_MAGIC = b"\x7fELF"
# The dynamic linker itself, named in a library's NEEDED but on no list of PyInstaller's.
LOADER = "ld-linux"


def is_elf(path: Path) -> bool:
    if not path.is_file() or path.is_symlink():
        return False
    with path.open("rb") as data:
        return data.read(4) == ELF_MAGIC


def needed(path: Path) -> list[str]:
    """The library names in the file's dynamic section (NEEDED), as the dynamic linker reads
    them: direct needs only, each file of the bundle is looked at anyway."""
    out = subprocess.run(
        ["readelf", "-d", str(path)], capture_output=True, text=True, check=True
    ).stdout
    return [line.split("[", 1)[1].rstrip("]") for line in out.splitlines() if "(NEEDED)" in line]


def missing_libraries(app: Path) -> dict[str, list[str]]:
    """{bundled file: names it needs that are neither in the bundle nor the system's by
    PyInstaller's rule}; empty when the bundle is whole."""
    files = [path for path in app.rglob("*") if is_elf(path)]
    present = {path.name for path in app.rglob("*")}
    missing: dict[str, list[str]] = {}
    for path in files:
        lacking = [
            name
            for name in needed(path)
            if name not in present and include_library(name) and not name.startswith(LOADER)
        ]
        if lacking:
            missing[str(path.relative_to(app))] = lacking
    return missing


def leftovers(app: Path, names: tuple[str, ...]) -> list[str]:
    """Libraries beside libVLC (the bundle's top library folder) whose names start with one of
    ``names``: what only Debian's libavcodec needed and should be gone."""
    folder = app / "_internal"
    return sorted(path.name for path in folder.iterdir() if path.name.startswith(names))
