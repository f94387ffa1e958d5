"""Which libVLC the app uses: the bundle's own when it runs frozen (docs/decisions/0018), and
where the one loaded came from, for "Om Facilitator" and `facilitator check`.

python-vlc looks for libVLC where ``PYTHON_VLC_LIB_PATH`` says and for its plugins where
``PYTHON_VLC_MODULE_PATH`` says; without them it takes the system's. The frozen app points
both into its own folder before anything imports ``vlc``. Run from a virtualenv nothing is set
and the system's libVLC is used as before. Free of python-vlc and Qt: the command line calls
it first thing.
"""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Callable, Iterable, MutableMapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

LIB_PATH_ENV = "PYTHON_VLC_LIB_PATH"
MODULE_PATH_ENV = "PYTHON_VLC_MODULE_PATH"
PLUGIN_PATH_ENV = "VLC_PLUGIN_PATH"


@dataclass(frozen=True)
class BundledVlc:
    """Where libVLC sits inside the frozen app's folder, relative to it. libVLC also finds
    its plugins by the folder of libvlccore (``<dir>/vlc/plugins`` on Linux, ``<dir>/plugins``
    on Windows), so these places agree with libVLC's own rule."""

    library: str
    companions: tuple[str, ...]  # loaded first, so libVLC links to them and not to /usr's
    plugins: str


def bundled_layout(platform: str = sys.platform) -> BundledVlc:
    if platform.startswith("win"):
        return BundledVlc("libvlc.dll", ("libvlccore.dll",), "plugins")
    if platform == "darwin":
        return BundledVlc("libvlc.dylib", ("libvlccore.dylib",), "plugins")
    return BundledVlc(
        "libvlc.so.5",
        ("libvlccore.so.9", "libvlc_xcb_events.so.0", "libvlc_pulse.so.0"),
        str(Path("vlc", "plugins")),
    )


def frozen_root() -> Path | None:
    """The frozen app's own folder of libraries and data (PyInstaller's ``_MEIPASS``); None when
    the app runs from source or a virtualenv."""
    if not getattr(sys, "frozen", False):
        return None
    root = getattr(sys, "_MEIPASS", None)
    return Path(root) if root else Path(sys.executable).resolve().parent


def use_bundled_libvlc(
    root: Path,
    environ: MutableMapping[str, str],
    platform: str = sys.platform,
    load: Callable[[str], Any] = ctypes.CDLL,
) -> Path | None:
    """Point python-vlc at the libVLC inside ``root``; returns the library, or None when the
    bundle has none (then the system's is looked for, as from a virtualenv).

    Set unconditionally: a ``VLC_PLUGIN_PATH`` left in the environment by a system VLC would
    otherwise mix the system's plugins into the bundle's libVLC."""
    layout = bundled_layout(platform)
    library = root / layout.library
    if not library.is_file():
        return None
    plugins = str(root / layout.plugins)
    environ[LIB_PATH_ENV] = str(library)
    environ[MODULE_PATH_ENV] = plugins
    environ[PLUGIN_PATH_ENV] = plugins
    for name in layout.companions:
        companion = root / name
        if companion.is_file():
            # The dynamic linker matches a library's needs by name against what is loaded
            # already: loaded here, libvlccore (and with it the plugin folder libVLC derives
            # from it) is the bundle's even where /usr has its own.
            load(str(companion))
    return library


def loaded_library(mapped: Iterable[str], fallback: str | None = None) -> str | None:
    """The libVLC file the process has loaded, from the lines of ``/proc/self/maps``; where
    there is no such file (Windows, macOS), ``fallback``: the name python-vlc loaded."""
    for line in mapped:
        path = line.partition("/")[2]
        if not path:
            continue
        name = Path("/" + path.strip()).name
        if name.startswith("libvlc.so"):
            return "/" + path.strip()
    return fallback


def libvlc_file(vlc: Any) -> str | None:
    """Where the libVLC behind python-vlc's module ``vlc`` was loaded from."""
    fallback = getattr(getattr(vlc, "dll", None), "_name", None)
    try:
        with Path("/proc/self/maps").open(encoding="utf-8", errors="replace") as maps:
            return loaded_library(maps, fallback)
    except OSError:
        return fallback
