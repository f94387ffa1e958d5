"""A small FFmpeg for the Linux bundle (docs/decisions/0018): only the decoders and parsers the
module format's films need, no external libraries, built once from Debian's own source and kept
under build/ffmpeg/<version>-<flags' hash>/.

Why: Debian's libavcodec59 needs every codec library it was built with (x265, codec2, SVT-AV1,
aom, rav1e, libjxl, librsvg → libxml2 → a second ICU …), over 100 MB the app never uses. VLC's
avcodec, avparser and swscale plugins need only libavcodec.so.59, libavutil.so.57 and
libswscale.so.6 with FFmpeg's symbol versions (LIBAVCODEC_59 …), which any FFmpeg 5.1 build
gives; the same upstream version as the installed one keeps the ABI exactly as VLC saw it.

Run alone: ``python packaging/ffmpeg_build.py`` prints the library folder (builds if needed).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tarfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VERSION = "5.1.9"  # Debian 12's libavcodec59 7:5.1.9-0+deb12u1
# From Debian's ffmpeg_5.1.9-0+deb12u1.dsc (Checksums-Sha256).
SOURCE_SHA256 = "d9b593bb2ba93d4b50f74177e0cdcd41747e708596367deed0c30348a71dd176"
SOURCE_URLS = (
    f"http://deb.debian.org/debian/pool/main/f/ffmpeg/ffmpeg_{VERSION}.orig.tar.xz",
    f"http://security.debian.org/debian-security/pool/updates/main/f/ffmpeg/ffmpeg_{VERSION}.orig.tar.xz",
)
CACHE = ROOT / "build" / "ffmpeg"

# What the films need (docs/module-format.md: H.264/AAC in MP4, VP9/Opus in WebM). VLC demuxes
# them itself (mp4, mkv) and decodes Opus with its own opus plugin; FFmpeg decodes the rest. The
# parsers serve VLC's avparser packetizer (VP9 in WebM) and the decoders' own frame splitting.
DECODERS = ("h264", "vp9", "aac", "opus")
PARSERS = ("h264", "vp9", "aac", "opus")
# The libraries VLC's plugins load (avcodec, packetizer_avparser: libavcodec + libavutil;
# swscale: libswscale), by the names they were linked against.
LIBRARIES = ("libavcodec.so.59", "libavutil.so.57", "libswscale.so.6")
# Only in Debian's libavcodec's dependency tree, never needed by anything else the bundle holds
# once the small FFmpeg replaces it; the spec's own pruning drops them, this list is for the
# check that it did.
DEBIAN_ONLY = (
    "libx265",
    "libcodec2",
    "librsvg",
    "libxml2",
    "libicudata.so.72",
    "libSvtAv1",
    "libaom",
    "librav1e",
    "libdav1d",
    "libjxl",
    "libswresample",
)


def configure_flags(prefix: Path) -> list[str]:
    """Shared libraries only, nothing but the decoders and parsers above, nothing detected from
    the build machine (no VA-API, VDPAU, X11, zlib …), so the libraries need only libc and libm."""
    return [
        f"--prefix={prefix}",
        "--enable-shared",
        "--disable-static",
        "--enable-pic",
        "--disable-programs",
        "--disable-doc",
        "--disable-debug",
        "--disable-everything",
        "--disable-autodetect",
        "--disable-network",
        "--disable-avformat",
        "--disable-avdevice",
        "--disable-avfilter",
        "--disable-swresample",
        "--disable-postproc",
        *(f"--enable-decoder={name}" for name in DECODERS),
        *(f"--enable-parser={name}" for name in PARSERS),
    ]


def build_dir() -> Path:
    """The cache's folder for this version and these flags: a change to either builds anew."""
    flags = " ".join(configure_flags(Path("PREFIX")))
    key = hashlib.sha256(f"{VERSION} {flags}".encode()).hexdigest()[:12]
    return CACHE / f"{VERSION}-{key}"


def lib_dir() -> Path:
    return build_dir() / "lib"


def is_built() -> bool:
    return (build_dir() / "done").is_file() and all(
        (lib_dir() / name).is_file() for name in LIBRARIES
    )


def fetch_source() -> Path:
    archive = CACHE / f"ffmpeg_{VERSION}.orig.tar.xz"
    if archive.is_file() and _sha256(archive) == SOURCE_SHA256:
        return archive
    CACHE.mkdir(parents=True, exist_ok=True)
    part = archive.with_suffix(".part")
    for url in SOURCE_URLS:
        try:
            with urllib.request.urlopen(url, timeout=60) as answer, part.open("wb") as out:
                shutil.copyfileobj(answer, out)
        except OSError as error:
            print(f"ffmpeg: {url}: {error}", file=sys.stderr)
            continue
        if _sha256(part) != SOURCE_SHA256:
            raise SystemExit(f"ffmpeg: {url} does not match Debian's sha256 {SOURCE_SHA256}")
        part.replace(archive)
        return archive
    raise SystemExit("ffmpeg: the source could not be fetched from Debian's archive")


def build() -> Path:
    """Builds into the cache unless it is there; returns the folder of the libraries."""
    if is_built():
        return lib_dir()
    started = time.monotonic()
    archive = fetch_source()
    target = build_dir()
    shutil.rmtree(target, ignore_errors=True)
    work = CACHE / "work"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    with tarfile.open(archive) as tar:
        tar.extractall(work, filter="data")
    source = work / f"ffmpeg-{VERSION}"
    jobs = str(min(os.cpu_count() or 1, 2))  # the build machine's cores are shared
    subprocess.run(["./configure", *configure_flags(target)], cwd=source, check=True)
    subprocess.run(["make", f"-j{jobs}"], cwd=source, check=True)
    subprocess.run(["make", "install"], cwd=source, check=True)
    shutil.rmtree(work)
    (target / "done").write_text(f"{time.monotonic() - started:.0f} s\n")
    print(f"ffmpeg_build_seconds={time.monotonic() - started:.0f}")
    return lib_dir()


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as data:
        for block in iter(lambda: data.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


if __name__ == "__main__":
    print(build())
