"""The check's memory of what it read from each film: answered from the cache while the file is
unchanged, asked again when the file, the checker or the prober changes, and never in the way
when the cache file is garbled or cannot be written. The probe is the real ffprobe."""

from __future__ import annotations

import json
import os
import shutil
import stat
from pathlib import Path

import pytest

from facilitator import __version__
from facilitator.core.content.media_probe import FfprobeProbe, MediaInfo, MediaProbeError
from facilitator.core.paths import bundled_modules_dir
from facilitator.core.precheck import film_cache
from facilitator.core.precheck.film_cache import CachedProbe, FilmCache

FILM = bundled_modules_dir() / "01-grund-1-vad-ar-kultur" / "film" / "film.mp4"

pytestmark = pytest.mark.skipif(shutil.which("ffprobe") is None, reason="needs ffprobe")


def ffprobe() -> FfprobeProbe:
    probe = FfprobeProbe.find()
    assert probe is not None
    return probe


def cached(cache_file: Path, prober: str = "ffprobe") -> CachedProbe:
    return CachedProbe(ffprobe(), FilmCache(cache_file, prober))


@pytest.fixture
def film(tmp_path: Path) -> Path:
    copy = tmp_path / "film" / "film.mp4"
    copy.parent.mkdir()
    shutil.copyfile(FILM, copy)
    return copy


def test_an_unchanged_film_is_read_once_across_checks(tmp_path: Path, film: Path) -> None:
    cache_file = tmp_path / "cache" / "precheck-films.json"
    first = cached(cache_file)
    info = first.probe(film)
    first.save()
    assert first.asked == 1 and info.duration > 100 and info.video_codec == "h264"
    assert stat.S_IMODE(cache_file.stat().st_mode) == 0o600
    assert stat.S_IMODE(cache_file.parent.stat().st_mode) == 0o700

    second = cached(cache_file)
    assert second.probe(film) == info
    assert second.asked == 0


def test_a_changed_film_is_read_again(tmp_path: Path, film: Path) -> None:
    cache_file = tmp_path / "cache.json"
    first = cached(cache_file)
    first.probe(film)
    first.save()
    # Same size, and the old modification time put back (as unzip or cp -p would): the
    # status-change time still tells.
    before = film.stat()
    data = bytearray(film.read_bytes())
    data[-1] ^= 0xFF
    film.write_bytes(bytes(data))
    os.utime(film, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert film.stat().st_size == before.st_size
    second = cached(cache_file)
    second.probe(film)
    assert second.asked == 1


def test_a_film_replaced_by_another_is_read_again(tmp_path: Path, film: Path) -> None:
    cache_file = tmp_path / "cache.json"
    first = cached(cache_file)
    short = first.probe(film)
    first.save()
    other = bundled_modules_dir() / "00-vagledning-for-samtalsledaren" / "film" / "film.mp4"
    shutil.copyfile(other, film.with_suffix(".new"))
    film.with_suffix(".new").replace(film)
    second = cached(cache_file)
    assert second.probe(film).duration != short.duration
    assert second.asked == 1


@pytest.mark.parametrize(
    "garbage",
    [
        b"",
        b"\xff\xfe not json",
        b"[1, 2, 3]",
        b'{"format": 1, "films": []}',
        b'{"format": 1, "app": "APP", "checker": 1, "prober": "ffprobe", "films": '
        b'{"FILM": {"key": "x", "duration": "l\\u00e5ng"}}}',
    ],
)
def test_a_garbled_cache_is_read_as_empty_and_rewritten(
    tmp_path: Path, film: Path, garbage: bytes
) -> None:
    cache_file = tmp_path / "cache.json"
    garbage = garbage.replace(b"FILM", str(film).encode()).replace(b"APP", __version__.encode())
    cache_file.write_bytes(garbage)
    probe = cached(cache_file)
    assert probe.probe(film).duration > 100
    assert probe.asked == 1
    probe.save()
    assert str(film) in json.loads(cache_file.read_text(encoding="utf-8"))["films"]


def test_a_stored_answer_that_makes_no_sense_is_not_used(tmp_path: Path, film: Path) -> None:
    cache_file = tmp_path / "cache.json"
    probe = cached(cache_file)
    probe.probe(film)
    probe.save()
    data = json.loads(cache_file.read_text(encoding="utf-8"))
    data["films"][str(film)]["duration"] = -1
    cache_file.write_text(json.dumps(data), encoding="utf-8")
    again = cached(cache_file)
    assert again.probe(film).duration > 100
    assert again.asked == 1


def test_another_prober_or_checker_version_starts_afresh(
    tmp_path: Path, film: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache_file = tmp_path / "cache.json"
    first = cached(cache_file, "libvlc 3.0.20")
    first.probe(film)
    first.save()
    other_vlc = cached(cache_file, "libvlc 3.0.21")
    other_vlc.probe(film)
    assert other_vlc.asked == 1
    monkeypatch.setattr(film_cache, "CHECKER_VERSION", film_cache.CHECKER_VERSION + 1)
    newer_checker = cached(cache_file, "libvlc 3.0.20")
    newer_checker.probe(film)
    assert newer_checker.asked == 1


def test_a_film_that_cannot_be_read_is_not_remembered(tmp_path: Path) -> None:
    broken = tmp_path / "trasig.mp4"
    broken.write_bytes(b"ingen film")
    cache_file = tmp_path / "cache.json"
    for _ in range(2):
        probe = cached(cache_file)
        with pytest.raises(MediaProbeError):
            probe.probe(broken)
        probe.save()
        assert probe.asked == 1
    assert not cache_file.exists()


def test_an_unwritable_cache_costs_only_time(tmp_path: Path, film: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("en fil")
    probe = cached(blocker / "cache.json")
    assert isinstance(probe.probe(film), MediaInfo)
    probe.save()  # logs, does not raise
    assert blocker.is_file()
