"""What goes into the frozen app, shared by the PyInstaller spec on every platform, the Linux
build script and the unit test that checks the plan against this machine (docs/decisions/0018).

Plain Python without PySide6 or python-vlc: the spec imports it inside PyInstaller, the tests
import it from the source tree.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# The app's Qt: what facilitator imports (QtCore, QtGui, QtWidgets; QtNetwork for the second
# start's hand-over). Everything else PySide6 ships is left out, named so that a stray import
# in a dependency cannot pull it in.
QT_MODULES = ("QtCore", "QtGui", "QtWidgets", "QtNetwork")
QT_EXCLUDED = (
    "Qt3DAnimation",
    "Qt3DCore",
    "Qt3DExtras",
    "Qt3DInput",
    "Qt3DLogic",
    "Qt3DRender",
    "QtAxContainer",
    "QtBluetooth",
    "QtCharts",
    "QtConcurrent",
    "QtDataVisualization",
    "QtDBus",
    "QtDesigner",
    "QtGraphs",
    "QtHelp",
    "QtHttpServer",
    "QtLocation",
    "QtMultimedia",
    "QtMultimediaWidgets",
    "QtNetworkAuth",
    "QtNfc",
    "QtOpenGL",
    "QtOpenGLWidgets",
    "QtPdf",
    "QtPdfWidgets",
    "QtPositioning",
    "QtPrintSupport",
    "QtQml",
    "QtQuick",
    "QtQuick3D",
    "QtQuickControls2",
    "QtQuickWidgets",
    "QtRemoteObjects",
    "QtScxml",
    "QtSensors",
    "QtSerialBus",
    "QtSerialPort",
    "QtSpatialAudio",
    "QtSql",
    "QtStateMachine",
    "QtSvg",
    "QtSvgWidgets",
    "QtTest",
    "QtTextToSpeech",
    "QtUiTools",
    "QtWebChannel",
    "QtWebEngineCore",
    "QtWebEngineQuick",
    "QtWebEngineWidgets",
    "QtWebSockets",
    "QtWebView",
    "QtXml",
)
# Python modules the app never uses at run time (the test tools, the tool kits of other GUIs).
PYTHON_EXCLUDED = (
    "tkinter",
    "pytest",
    "_pytest",
    "pytestqt",
    "hypothesis",
    "mypy",
    "IPython",
    "PyQt5",
    "PyQt6",
    "PySide2",
    "numpy",
    "matplotlib",
    # Not Pillow: reportlab imports it for any PDF, and reads PNG/JPEG pictures with its core.
    # Its format plugins reportlab never asks for are left out, with the libraries behind them
    # (~9 MB): AVIF (libavif alone is ~5 MB), WebP, colour management (lcms), Tk, and FreeType
    # text, which only `films render` uses (an author's tool that needs espeak-ng and ffmpeg
    # from the system too; without FreeType it says Pillow is missing).
    "PIL._avif",
    "PIL._webp",
    "PIL._imagingcms",
    "PIL._imagingft",
    "PIL._imagingtk",
    "PIL.ImageTk",
    # OpenSSL (~5 MB): the app never talks to a network, and hashlib has its own SHA-2/MD5.
    "ssl",
    "_ssl",
    "_hashlib",
)

# Qt's plugins the app needs: X11 (xcb) and offscreen (the check without a display), xcb's GL
# glue, typing through compose keys and IBus, the desktop portal's file dialogs, JPEG. Left out:
# the GTK theme (it pulls in GTK, cairo and librsvg, ~30 MB), Wayland (libVLC draws into an X
# window, so the app runs through XWayland there), framebuffer/EGL/VNC platforms, TLS, network
# information, SVG icons.
QT_PLUGINS_KEPT = (
    "platforms/libqxcb",
    "platforms/libqoffscreen",
    "xcbglintegrations/",
    "platforminputcontexts/",
    "platformthemes/libqxdgdesktopportal",
    "imageformats/libqjpeg",
    # Windows and macOS
    "platforms/qwindows",
    "platforms/libqcocoa",
    "platforms/qoffscreen",
    "styles/",
    "imageformats/qjpeg",
)
# Qt's own texts: the app loads qtbase_<language> for sv and en (ui/qt_setup.py).
QT_TRANSLATIONS_KEPT = ("qtbase_sv.qm", "qtbase_en.qm")
# Babel's CLDR data: dates in sv_SE and en_GB (core/dates.py) and the locales they inherit from.
BABEL_LOCALES_KEPT = ("root", "sv", "sv_SE", "en", "en_001", "en_150", "en_GB")


def keep_file(dest: str) -> bool:
    """Whether a file PyInstaller collected (by its place in the bundle) stays in it."""
    dest = dest.replace("\\", "/")
    plugins = "PySide6/Qt/plugins/"
    if dest.startswith(plugins):
        return dest[len(plugins) :].startswith(QT_PLUGINS_KEPT)
    if dest.startswith("PySide6/Qt/translations/"):
        return dest.rsplit("/", 1)[1] in QT_TRANSLATIONS_KEPT
    if dest.startswith("babel/locale-data/"):
        return dest.rsplit("/", 1)[1].removesuffix(".dat") in BABEL_LOCALES_KEPT
    return True


# Exactly the VLC plugins the app needs, by VLC's own folder (Linux and Windows keep the
# folders; macOS's VLC.app has them flat). Why each is here:
VLC_PLUGINS: dict[str, tuple[str, ...]] = {
    # Films and the cue sound are local files.
    "access": ("filesystem",),
    # MP4 (H.264/AAC), WebM (VP9/Opus), the cue sound (WAV), .srt/.vtt subtitle files, raw
    # elementary streams. Not avformat: it adds libavformat, libxml2 and a second ICU (~45 MB)
    # for formats the module format does not allow.
    "demux": ("mp4", "mkv", "wav", "subtitle", "es"),
    # avcodec decodes H.264, VP9 and AAC; opus for Opus; araw for the WAV; subsdec and webvtt
    # turn subtitle files into text.
    "codec": ("avcodec", "opus", "araw", "subsdec", "webvtt"),
    "packetizer": (
        "packetizer_h264",
        "packetizer_mpeg4audio",
        "packetizer_avparser",
        "packetizer_copy",
    ),
    # Subtitles are drawn with freetype; tdummy when there is nothing to draw on.
    "text_renderer": ("freetype", "tdummy"),
    # Subtitles blended onto the picture, and the picture scaled to the window.
    "video_filter": ("blend", "scale"),
    "video_chroma": (
        "swscale",
        "chain",
        "i420_rgb",
        "i420_rgb_sse2",
        "i420_yuy2",
        "i420_yuy2_sse2",
        "i422_i420",
        "i422_yuy2",
        "i422_yuy2_sse2",
        "yuy2_i420",
        "yuy2_i422",
        "i420_nv12",
        "i420_10_p010",
        "grey_yuv",
        "yuvp",
        "rv32",
    ),
    "audio_mixer": ("float_mixer", "integer_mixer"),
    # Format, rate and channel conversions between a film's sound and the sound card; the
    # tempo filter keeps the pitch when the check plays faster than real time.
    "audio_filter": (
        "audio_format",
        "speex_resampler",
        "ugly_resampler",
        "simple_channel_mixer",
        "trivial_channel_mixer",
        "remap",
        "scaletempo",
    ),
    # Reading ahead from the file, and MP3-style tags skipped if a file has them.
    "stream_filter": ("prefetch", "cache_read", "skiptags"),
    # --intf=dummy: no interface of libVLC's own.
    "control": ("dummy",),
}
# Where the picture and the sound go differs by platform; vdummy and adummy (--vout/--aout=dummy:
# the check, CI) everywhere.
VLC_OUTPUTS: dict[str, dict[str, tuple[str, ...]]] = {
    "linux": {
        # X11/xcb: the window the app hands libVLC (xcb_window) and the outputs that draw into
        # it, OpenGL first.
        "video_output": ("xcb_window", "xcb_x11", "xcb_xv", "gl", "glx", "egl_x11", "vdummy"),
        # PulseAudio (and PipeWire's pulse server), ALSA.
        "audio_output": ("pulse", "alsa", "adummy"),
    },
    "win32": {
        # drawable: the window the app hands libVLC (set_hwnd); Direct3D 11/9, OpenGL, GDI.
        "video_output": (
            "drawable",
            "direct3d11",
            "direct3d9",
            "glwin32",
            "wgl",
            "gl",
            "wingdi",
            "vdummy",
        ),
        "audio_output": ("mmdevice", "wasapi", "directsound", "waveout", "adummy"),
    },
    "darwin": {
        # macosx: the view the app hands libVLC (set_nsobject); Core Animation, OpenGL.
        "video_output": ("macosx", "caopengllayer", "gl", "vdummy"),
        "audio_output": ("auhal", "adummy"),
    },
}


def vlc_plugins(platform: str = sys.platform) -> dict[str, tuple[str, ...]]:
    key = "win32" if platform.startswith("win") else "darwin" if platform == "darwin" else "linux"
    return {**VLC_PLUGINS, **VLC_OUTPUTS[key]}


@dataclass(frozen=True)
class VlcSource:
    """Where this platform's libVLC is read from when the bundle is built."""

    lib_dir: Path  # libvlc and libvlccore
    plugin_dir: Path
    libraries: tuple[str, ...]
    plugin_suffix: str
    flat_plugins: bool  # macOS: every plugin in one folder


def vlc_source(platform: str = sys.platform) -> VlcSource:
    if platform.startswith("win"):
        root = Path(r"C:\Program Files\VideoLAN\VLC")
        return VlcSource(root, root / "plugins", ("libvlc.dll", "libvlccore.dll"), ".dll", False)
    if platform == "darwin":
        root = Path("/Applications/VLC.app/Contents/MacOS")
        return VlcSource(
            root / "lib", root / "plugins", ("libvlc.dylib", "libvlccore.dylib"), ".dylib", True
        )
    lib = Path("/usr/lib/x86_64-linux-gnu")
    return VlcSource(
        lib,
        lib / "vlc" / "plugins",
        # The xcb outputs' and the pulse output's helpers, found by the plugins' RUNPATH in /usr
        # otherwise.
        ("libvlc.so.5", "libvlccore.so.9", "vlc/libvlc_xcb_events.so.0", "vlc/libvlc_pulse.so.0"),
        ".so",
        False,
    )


def plugin_files(source: VlcSource, platform: str = sys.platform) -> list[tuple[Path, str]]:
    """(file, folder inside the plugin folder) for every plugin of ``vlc_plugins``; missing
    plugins are included too, so the caller can name them."""
    found = []
    for folder, names in vlc_plugins(platform).items():
        for name in names:
            file_name = f"lib{name}_plugin{source.plugin_suffix}"
            inside = "" if source.flat_plugins else folder
            found.append((source.plugin_dir / inside / file_name, inside))
    return found


def missing_plugins(source: VlcSource, platform: str = sys.platform) -> list[Path]:
    return [path for path, _folder in plugin_files(source, platform) if not path.is_file()]


def version() -> str:
    """The app's version, read from the source without importing it."""
    text = (ROOT / "facilitator" / "__init__.py").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.startswith("__version__"):
            return line.split("=", 1)[1].strip().strip("\"'")
    raise ValueError("no __version__ in facilitator/__init__.py")


def archive_stem(platform: str = sys.platform, machine: str = "x86_64") -> str:
    system = {"win32": "windows", "darwin": "macos"}.get(platform, "linux")
    return f"facilitator-{version()}-{system}-{machine}"
