"""The bundle's pieces that can be checked without building it (the build and the installed
app are `make bundle-test`, a release check: tests/bundle/release_check.py)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from facilitator.core.paths import PORTABLE_FOLDER, PORTABLE_MARKER, resolve_paths
from facilitator.libvlc_location import (
    LIB_PATH_ENV,
    MODULE_PATH_ENV,
    PLUGIN_PATH_ENV,
    bundled_layout,
    frozen_root,
    loaded_library,
    use_bundled_libvlc,
)

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
sys.path.insert(0, str(ROOT / "packaging"))

import bundle_plan  # noqa: E402
import ffmpeg_build  # noqa: E402

SYSTEM_VLC = bundle_plan.vlc_source("linux")


@pytest.mark.skipif(
    not (SYSTEM_VLC.lib_dir / "libvlc.so.5").is_file(), reason="libVLC is not installed"
)
def test_every_planned_vlc_plugin_and_library_is_on_this_machine() -> None:
    assert bundle_plan.missing_plugins(SYSTEM_VLC, "linux") == []
    for name in SYSTEM_VLC.libraries:
        assert (SYSTEM_VLC.lib_dir / name).is_file(), name


def test_plugin_plan_covers_the_films_and_the_outputs_the_app_uses() -> None:
    planned = {name for names in bundle_plan.vlc_plugins("linux").values() for name in names}
    # MP4 H.264/AAC, WebM VP9/Opus, subtitles drawn, X11, sound, and the dummies of CI.
    for needed in ("mp4", "mkv", "avcodec", "opus", "subsdec", "webvtt", "freetype"):
        assert needed in planned
    for needed in ("xcb_window", "xcb_x11", "pulse", "alsa", "vdummy", "adummy", "dummy"):
        assert needed in planned


def test_every_platform_has_its_window_output_and_the_dummies() -> None:
    for platform, window in (("linux", "xcb_window"), ("win32", "drawable"), ("darwin", "macosx")):
        plugins = bundle_plan.vlc_plugins(platform)
        assert window in plugins["video_output"]
        assert "vdummy" in plugins["video_output"] and "adummy" in plugins["audio_output"]
        assert plugins["codec"] == bundle_plan.VLC_PLUGINS["codec"]  # the films, shared


def test_the_bundle_keeps_the_qt_and_locale_files_the_app_uses_and_drops_the_rest() -> None:
    keep = bundle_plan.keep_file
    assert keep("PySide6/Qt/plugins/platforms/libqxcb.so")
    assert keep("PySide6/Qt/plugins/platforms/libqoffscreen.so")
    assert not keep("PySide6/Qt/plugins/platformthemes/libqgtk3.so")
    assert not keep("PySide6/Qt/plugins/platforms/libqwayland.so")
    assert keep("PySide6/Qt/translations/qtbase_sv.qm")
    assert not keep("PySide6/Qt/translations/qtbase_de.qm")
    assert keep("babel/locale-data/sv_SE.dat") and keep("babel/locale-data/en_GB.dat")
    assert not keep("babel/locale-data/de.dat")
    assert keep("modules/01-grund-1-vad-ar-kultur/film/film.mp4")
    for used in bundle_plan.QT_MODULES:
        assert used not in bundle_plan.QT_EXCLUDED


def test_the_spec_puts_plugins_where_the_frozen_app_looks_for_them() -> None:
    """bundle_plan (the build) and libvlc_location (the app) name the same places."""
    layout = bundled_layout("linux")
    assert layout.library == "libvlc.so.5"
    built = {Path(name).name for name in SYSTEM_VLC.libraries}
    assert {layout.library, *layout.companions} == built
    # libVLC's own rule: plugins in <libvlccore's folder>/vlc/plugins.
    assert Path(layout.plugins) == Path("vlc", "plugins")
    assert bundled_layout("win32").plugins == "plugins"


def test_every_file_the_package_reads_beside_its_code_goes_into_the_bundle() -> None:
    """What pyproject ships as package data besides code (the migrations, the phones' page
    files) is read from beside the code at run time: the spec must carry each folder, or the
    installed app fails where the virtualenv works (the phones' page had no stylesheet)."""
    import tomllib

    shipped = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = shipped["tool"]["setuptools"]["package-data"]["facilitator"]
    folders = {
        str(Path("facilitator", pattern).parent).split("/**")[0].split("/*")[0]
        for pattern in patterns
        if not pattern.endswith((".py", ".typed"))
    }
    spec = (ROOT / "packaging" / "facilitator.spec").read_text(encoding="utf-8")
    carried = {f.replace("/", '" / "') for f in folders}
    assert folders == {"facilitator/core/storage/migrations", "facilitator/phones_web/static"}
    for folder in carried:
        assert f'ROOT / "{folder}"' in spec, folder


# --- the frozen app's own libVLC ----------------------------------------------------------------


def _fake_bundle(root: Path) -> Path:
    layout = bundled_layout("linux")
    for name in (layout.library, *layout.companions):
        (root / name).write_bytes(b"")
    (root / layout.plugins).mkdir(parents=True)
    return root


def test_frozen_app_points_python_vlc_at_its_own_libvlc_and_loads_libvlccore_first(
    tmp_path: Path,
) -> None:
    root = _fake_bundle(tmp_path)
    environ = {PLUGIN_PATH_ENV: "/usr/lib/x86_64-linux-gnu/vlc/plugins"}  # a system VLC's
    loaded: list[str] = []
    library = use_bundled_libvlc(root, environ, "linux", loaded.append)
    assert library == root / "libvlc.so.5"
    assert environ[LIB_PATH_ENV] == str(root / "libvlc.so.5")
    assert environ[MODULE_PATH_ENV] == str(root / "vlc" / "plugins")
    assert environ[PLUGIN_PATH_ENV] == str(root / "vlc" / "plugins")
    assert loaded[0] == str(root / "libvlccore.so.9")


def test_without_a_bundled_libvlc_nothing_changes(tmp_path: Path) -> None:
    environ: dict[str, str] = {}
    assert use_bundled_libvlc(tmp_path, environ, "linux", lambda _name: None) is None
    assert environ == {}


def test_from_a_virtualenv_the_app_is_not_frozen() -> None:
    assert frozen_root() is None


def test_the_loaded_libvlc_is_read_from_the_process_map() -> None:
    maps = [
        "7f00-7f01 r--p 00000000 08:01 12 /usr/lib/x86_64-linux-gnu/libvlccore.so.9.0.1",
        "7f02-7f03 r--p 00000000 00:00 0 [heap]",
        "7f04-7f05 r-xp 00001000 08:01 13 /home/a b/.local/opt/facilitator/_internal/libvlc.so.5",
    ]
    assert loaded_library(maps) == "/home/a b/.local/opt/facilitator/_internal/libvlc.so.5"
    assert loaded_library(maps[:2], fallback="libvlc.dll") == "libvlc.dll"


@pytest.mark.vlc
def test_check_names_the_libvlc_it_used(tmp_path: Path) -> None:
    """From a virtualenv: the system's libVLC, by its file."""
    from facilitator.ui.video.availability import probe_libvlc

    status = probe_libvlc()
    if not status.available:
        pytest.skip("libVLC is not installed")
    assert status.library is not None and Path(status.library).is_file()
    assert Path(status.library).name.startswith("libvlc.so")


def test_the_installed_app_asks_to_be_reinstalled_not_for_a_system_vlc(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from facilitator.ui.video.availability import install_hint

    assert "apt-get" in install_hint() or sys.platform != "linux"
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert "Installera om Facilitator" in install_hint()
    assert "apt-get" not in install_hint()


# --- portable -----------------------------------------------------------------------------------


def test_a_portable_marker_keeps_the_data_next_to_the_app(tmp_path: Path) -> None:
    assert not resolve_paths(environ={}, app_dir=tmp_path).data_dir.is_relative_to(tmp_path)
    (tmp_path / PORTABLE_MARKER).write_text("")
    paths = resolve_paths(environ={}, app_dir=tmp_path)
    assert paths.data_dir == tmp_path / PORTABLE_FOLDER / "data"
    assert paths.config_dir.is_relative_to(tmp_path / PORTABLE_FOLDER)
    # FACILITATOR_HOME still wins (the tests' own folder).
    chosen = resolve_paths(environ={"FACILITATOR_HOME": str(tmp_path / "h")}, app_dir=tmp_path)
    assert chosen.data_dir == (tmp_path / "h" / "data").resolve()


# --- install.sh and uninstall.sh on a fake bundle ------------------------------------------------


def _fake_unpacked_archive(folder: Path) -> Path:
    (folder / "_internal").mkdir(parents=True)
    app = folder / "facilitator"
    app.write_text('#!/bin/sh\necho "facilitator ran with $*"\n')
    app.chmod(0o755)
    (folder / "share").mkdir()
    shutil.copy2(LINUX / "facilitator.desktop", folder / "share")
    shutil.copy2(ROOT / "packaging" / "facilitator.png", folder / "share")
    for script in ("install.sh", "uninstall.sh"):
        shutil.copy2(LINUX / script, folder / script)
    # A portable copy's data must not be installed along with the app.
    (folder / PORTABLE_MARKER).write_text("")
    (folder / PORTABLE_FOLDER).mkdir()
    return folder


def _clean_env(home: Path) -> dict[str, str]:
    return {"HOME": str(home), "PATH": "/usr/bin:/bin"}


def test_install_puts_the_app_a_menu_entry_and_an_icon_under_home_and_uninstall_keeps_data(
    tmp_path: Path,
) -> None:
    home = tmp_path / "home with space"
    home.mkdir()
    unpacked = _fake_unpacked_archive(tmp_path / "facilitator-0.1.0-linux-x86_64")
    done = subprocess.run(
        [str(unpacked / "install.sh")], env=_clean_env(home), capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    prefix = home / ".local" / "opt" / "facilitator"
    assert (prefix / "facilitator").is_file() and (prefix / "uninstall.sh").is_file()
    assert not (prefix / PORTABLE_MARKER).exists() and not (prefix / PORTABLE_FOLDER).exists()
    entry = home / ".local" / "share" / "applications" / "facilitator.desktop"
    icon = home / ".local" / "share" / "icons" / "hicolor" / "256x256" / "apps" / "facilitator.png"
    assert icon.is_file()
    exec_line = next(
        line.split("=", 1)[1] for line in entry.read_text().splitlines() if line.startswith("Exec=")
    )
    # The menu's command starts the installed app, even with a space in the home folder.
    import shlex

    ran = subprocess.run(
        [*shlex.split(exec_line), "--hello"], env=_clean_env(home), capture_output=True, text=True
    )
    assert ran.stdout.strip() == "facilitator ran with --hello"

    # The leader's data, where the app keeps it (platformdirs on Linux).
    data = home / ".local" / "share" / "Facilitator" / "facilitator.sqlite3"
    settings = home / ".config" / "Facilitator" / "settings.toml"
    for kept in (data, settings):
        kept.parent.mkdir(parents=True)
        kept.write_text("mine")

    done = subprocess.run(
        [str(prefix / "uninstall.sh")], env=_clean_env(home), capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    left = sorted(p for p in home.rglob("*") if p.is_file())
    assert left == sorted([data, settings])
    assert not prefix.exists()
    assert "Dina data finns kvar" in done.stdout


def test_install_again_upgrades_in_place(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    unpacked = _fake_unpacked_archive(tmp_path / "unpacked")
    for _ in range(2):
        done = subprocess.run(
            [str(unpacked / "install.sh")], env=_clean_env(home), capture_output=True, text=True
        )
        assert done.returncode == 0, done.stderr
    opt = home / ".local" / "opt"
    assert sorted(p.name for p in opt.iterdir()) == ["facilitator"]


def test_the_install_scripts_are_executable_and_posix_sh() -> None:
    for script in ("install.sh", "uninstall.sh"):
        path = LINUX / script
        assert os.access(path, os.X_OK)
        assert path.read_text().startswith("#!/bin/sh\n")
        assert subprocess.run(["sh", "-n", str(path)]).returncode == 0


# VLC's plugins that load FFmpeg's libraries, the small build's or Debian's.
FFMPEG_PLUGINS = (
    "codec/libavcodec",
    "packetizer/libpacketizer_avparser",
    "video_chroma/libswscale",
)


def test_the_small_ffmpeg_decodes_the_module_formats_and_detects_nothing() -> None:
    flags = ffmpeg_build.configure_flags(Path("/prefix"))
    for decoder in ("h264", "vp9", "aac", "opus"):
        assert f"--enable-decoder={decoder}" in flags
    for parser in ("h264", "vp9"):  # VLC's avparser packetizer splits VP9 with FFmpeg's parser
        assert f"--enable-parser={parser}" in flags
    # Only what is named: no codec library, VA-API or X11 found on the build machine.
    for needed in (
        "--disable-everything",
        "--disable-autodetect",
        "--enable-shared",
        "--enable-pic",
    ):
        assert needed in flags
    assert "--disable-static" in flags and "--disable-programs" in flags


@pytest.mark.skipif(
    not (SYSTEM_VLC.lib_dir / "libvlc.so.5").is_file(), reason="libVLC is not installed"
)
def test_the_small_ffmpeg_builds_exactly_the_libraries_the_vlc_plugins_load() -> None:
    needed = set()
    for plugin in FFMPEG_PLUGINS:
        path = SYSTEM_VLC.plugin_dir / f"{plugin}_plugin.so"
        needed.update(bundle_libraries().needed(path))
    assert {name for name in needed if name.startswith(("libav", "libsw"))} == set(
        ffmpeg_build.LIBRARIES
    )


def test_a_new_version_or_other_flags_build_anew_the_same_ones_reuse_the_cache(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first = ffmpeg_build.build_dir()
    assert ffmpeg_build.build_dir() == first
    assert first.parent == ROOT / "build" / "ffmpeg" and first.name.startswith(ffmpeg_build.VERSION)
    monkeypatch.setattr(ffmpeg_build, "DECODERS", (*ffmpeg_build.DECODERS, "vp8"))
    assert ffmpeg_build.build_dir() != first


def bundle_libraries() -> ModuleType:
    # Imported here: it needs PyInstaller, the bundle's extra, not the test suite's.
    pytest.importorskip("PyInstaller")
    import bundle_libraries

    return bundle_libraries


@pytest.mark.skipif(
    not Path("/usr/lib/x86_64-linux-gnu/libswscale.so.6").is_file(), reason="no libswscale"
)
def test_the_build_finds_a_library_the_bundle_lacks_and_a_debian_codec_left_in(
    tmp_path: Path,
) -> None:
    checks = bundle_libraries()
    internal = tmp_path / "_internal"
    internal.mkdir()
    shutil.copy2("/usr/lib/x86_64-linux-gnu/libswscale.so.6", internal)
    (internal / "libx265.so.199").write_bytes(b"")
    assert checks.missing_libraries(tmp_path) == {"_internal/libswscale.so.6": ["libavutil.so.57"]}
    assert checks.leftovers(tmp_path, ffmpeg_build.DEBIAN_ONLY) == ["libx265.so.199"]
