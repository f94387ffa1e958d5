"""Which media probe reads film lengths: libVLC where it is installed (it is what plays them),
ffprobe where only that is, otherwise none and the library goes without film lengths."""

from __future__ import annotations

from facilitator.core.content.media_probe import MediaProbe, default_probe
from facilitator.ui.video.vlc_probe import VlcMediaProbe


class MediaProbes:
    """Looked for once, on first use (a module check on a worker thread), not at start-up."""

    def __init__(self) -> None:
        self._probe: MediaProbe | None = None
        self._looked = False

    def __call__(self) -> MediaProbe | None:
        if not self._looked:
            self._probe = VlcMediaProbe.find() or default_probe()
            self._looked = True
        return self._probe
