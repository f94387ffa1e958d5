"""Is libVLC usable here? Three ways it fails (TECH-NOTES.md): the library is missing
(`import vlc` raises), a bad library path (SystemExit), or no plugins (Instance() is None)."""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass
from typing import Any

from facilitator.core.i18n import _
from facilitator.libvlc_location import frozen_root, libvlc_file

log = logging.getLogger(__name__)

MINIMUM_VERSION = (3, 0)
DUMMY_OUTPUT_ARGS = ("--vout=dummy", "--aout=dummy", "--intf=dummy")


@dataclass(frozen=True)
class VlcStatus:
    available: bool
    version: str | None
    problem: str | None
    # The libVLC file loaded: the bundle's own or the system's (docs/decisions/0018).
    library: str | None = None

    @property
    def label(self) -> str:
        if self.available and self.version:
            return self.version
        return _("saknas")


class LibVlcMissing(Exception):
    """``import vlc`` failed: no library, a bad library path, or no binding."""


def load_vlc() -> Any:
    """The python-vlc module, loaded on first use: libVLC is a system library that may be
    missing or broken, and each of its three failures must become a message, not a crash."""
    try:
        import vlc  # noqa: PLC0415 - an optional system library, loaded when a film needs it
    except (ImportError, NotImplementedError, OSError, SystemExit) as error:
        log.warning("libVLC not loadable: %r", error)
        raise LibVlcMissing(str(error)) from None
    return vlc


def install_hint() -> str:
    if frozen_root() is not None:
        # The installed app brings its own VLC: installing the system's would not help.
        return _(
            "VLC följer med appen men går inte att läsa i dess mapp. Installera om Facilitator."
        )
    if sys.platform.startswith("win"):
        return _("Installera VLC (64-bitars) från videolan.org och starta om appen.")
    if sys.platform == "darwin":
        return _("Installera VLC i mappen Program och starta om appen.")
    return _(
        "Installera VLC, till exempel med: sudo apt-get install libvlc5 vlc-plugin-base "
        "vlc-plugin-video-output"
    )


def probe_libvlc() -> VlcStatus:
    try:
        vlc = load_vlc()
    except LibVlcMissing:
        return VlcStatus(False, None, _("VLC hittades inte på datorn.") + " " + install_hint())
    try:
        raw = vlc.libvlc_get_version()
        version = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)
        instance = vlc.Instance(["--quiet", *DUMMY_OUTPUT_ARGS])
    except (OSError, AttributeError, SystemExit) as error:
        log.warning("libVLC unusable: %r", error)
        return VlcStatus(
            False, None, _("VLC finns men går inte att starta.") + " " + install_hint()
        )
    library = libvlc_file(vlc)
    if instance is None:
        return VlcStatus(
            False,
            version,
            _("VLC saknar sina insticksmoduler.") + " " + install_hint(),
            library,
        )
    instance.release()
    numbers = tuple(int(p) for p in version.split()[0].split(".")[:2] if p.isdigit())
    if numbers < MINIMUM_VERSION:
        return VlcStatus(
            False,
            version,
            _("VLC är för gammal (version {v}).").format(v=version) + " " + install_hint(),
            library,
        )
    return VlcStatus(True, version, None, library)
