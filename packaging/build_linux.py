"""`make bundle`: freeze the app with PyInstaller, regenerate libVLC's plugin cache inside the
bundle, add the install scripts and pack build/bundle/facilitator-<version>-linux-x86_64.tar.gz
(docs/decisions/0018).

Run: ``python packaging/build_linux.py`` from the checkout, with PyInstaller installed
(``pip install -e '.[bundle]'``).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bundle_libraries
import bundle_plan
import ffmpeg_build

ROOT = bundle_plan.ROOT
OUT = ROOT / "build" / "bundle"
CACHE_GEN = Path("/usr/lib/x86_64-linux-gnu/vlc/vlc-cache-gen")
LINUX = ROOT / "packaging" / "linux"


def freeze(ffmpeg: Path) -> Path:
    """The small FFmpeg's folder first on the library path: PyInstaller follows the VLC plugins'
    needs with ldd, which then finds its libavcodec, never Debian's and its codec libraries."""
    library_path = os.pathsep.join(filter(None, [str(ffmpeg), os.environ.get("LD_LIBRARY_PATH")]))
    env = {**os.environ, "LD_LIBRARY_PATH": library_path, "FACILITATOR_FFMPEG_LIB": str(ffmpeg)}
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level=WARN",
            "--distpath",
            str(OUT / "dist"),
            "--workpath",
            str(OUT / "work"),
            str(ROOT / "packaging" / "facilitator.spec"),
        ],
        check=True,
        cwd=ROOT,
        env=env,
    )
    return OUT / "dist" / "facilitator"


def check_libraries(app: Path) -> None:
    """Nothing a bundled library needs is missing, and nothing only Debian's FFmpeg needed is
    left."""
    missing = bundle_libraries.missing_libraries(app)
    if missing:
        raise SystemExit(f"bundle: libraries needed but not bundled: {missing}")
    left = bundle_libraries.leftovers(app, ffmpeg_build.DEBIAN_ONLY)
    if left:
        raise SystemExit(f"bundle: Debian's FFmpeg's libraries are still in: {left}")


def regenerate_plugin_cache(app: Path) -> None:
    """libVLC reads plugins.dat instead of opening every plugin at each start; the cache names
    the plugins by their place, so it is made for the bundle's own folder."""
    plugins = app / "_internal" / "vlc" / "plugins"
    (plugins / "plugins.dat").unlink(missing_ok=True)
    subprocess.run([str(CACHE_GEN), str(plugins)], check=True)
    if not (plugins / "plugins.dat").is_file():
        raise SystemExit(f"vlc-cache-gen wrote no plugins.dat in {plugins}")


def add_install_files(app: Path) -> None:
    for name in ("install.sh", "uninstall.sh"):
        target = app / name
        shutil.copy2(LINUX / name, target)
        target.chmod(0o755)
    share = app / "share"
    share.mkdir(exist_ok=True)
    shutil.copy2(LINUX / "facilitator.desktop", share / "facilitator.desktop")
    shutil.copy2(ROOT / "packaging" / "facilitator.png", share / "facilitator.png")
    shutil.copy2(LINUX / "README.txt", app / "README.txt")


def pack(app: Path) -> Path:
    stem = bundle_plan.archive_stem()
    archive = OUT / f"{stem}.tar.gz"
    with tarfile.open(archive, "w:gz", compresslevel=6) as tar:
        tar.add(app, arcname=stem)
    return archive


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def main() -> int:
    started = time.monotonic()
    ffmpeg = ffmpeg_build.build()
    print(f"ffmpeg_seconds={time.monotonic() - started:.0f}")
    app = freeze(ffmpeg)
    check_libraries(app)
    regenerate_plugin_cache(app)
    add_install_files(app)
    archive = pack(app)
    print(f"bundle: {archive}")
    print(f"archive_bytes={archive.stat().st_size}")
    print(f"unpacked_bytes={folder_size(app)}")
    print(f"build_seconds={time.monotonic() - started:.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
