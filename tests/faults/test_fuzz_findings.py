"""Module input that `make soak`'s fuzzing (tests/soak/fuzz_packs.py) found mishandled, kept
here as fixed cases: each is refused with the right Swedish message, never an exception,
never an "unexpected error in the check", never a claim that the disk is at fault."""

from __future__ import annotations

import shutil
import struct
from pathlib import Path

import pytest

from facilitator.core.content.importer import import_pack
from facilitator.core.content.pack import pack_module
from facilitator.core.content.pack_format import PackError, PackFailure
from facilitator.core.content.validate import validate_module
from tests.faults.test_film_faults import GRUND_1

_END = b"PK\x05\x06"
_CENTRAL = b"PK\x01\x02"


@pytest.fixture
def pack(tmp_path: Path) -> bytes:
    folder = tmp_path / "grund-1"
    shutil.copytree(GRUND_1, folder)
    return pack_module(folder, tmp_path / "grund-1.fmod").path.read_bytes()


def _refusal(data: bytes, tmp_path: Path) -> PackError:
    target = tmp_path / "in.fmod"
    target.write_bytes(data)
    modules = tmp_path / "modules"
    with pytest.raises(PackError) as raised:
        import_pack(target, modules)
    assert list(modules.iterdir()) == []  # nothing half-imported left behind
    return raised.value


def test_a_zip_version_from_the_future_is_a_damaged_pack(pack: bytes, tmp_path: Path) -> None:
    # Python's zipfile raised NotImplementedError("zip file version 23.5") past the importer.
    data = bytearray(pack)
    data[data.find(_CENTRAL) + 6] = 235  # "version needed to extract"
    refused = _refusal(bytes(data), tmp_path)
    assert refused.failure is PackFailure.CORRUPT
    assert refused.message.startswith("Modulpaketet är skadat")


def test_a_directory_pointing_before_the_file_is_not_blamed_on_the_disk(
    pack: bytes, tmp_path: Path
) -> None:
    # The end record claims the directory starts later than it does, so the first entry's
    # offset turns negative and reading it fails with EINVAL — once reported as "the files
    # could not be saved, check the disk space". (pack.json's own offset is moved along, so
    # the pack gets as far as unpacking.)
    data = bytearray(pack)
    end = data.rfind(_END)
    (offset,) = struct.unpack_from("<I", data, end + 16)
    struct.pack_into("<I", data, end + 16, offset + 1000)
    info = data.rfind(_CENTRAL, 0, data.rfind(b"pack.json"))
    (local,) = struct.unpack_from("<I", data, info + 42)
    struct.pack_into("<I", data, info + 42, local + 1000)
    refused = _refusal(bytes(data), tmp_path)
    assert refused.failure in (PackFailure.CORRUPT, PackFailure.TRUNCATED)
    assert "disken" not in refused.message


def test_a_file_name_too_long_for_the_disk_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    # 300 × "ä" is 600 bytes: more than a file name may hold, so looking for it raised OSError
    # and the author was told of an "unexpected error" to report to the developers.
    folder = tmp_path / "grund-1"
    shutil.copytree(GRUND_1, folder)
    manifest = folder / "module.toml"
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(
        text.replace('introduction = "texts/introduktion.md"', f'introduction = "{"ä" * 300}"'),
        encoding="utf-8",
    )
    report = validate_module(folder)
    assert not report.ok
    found = [p.found for p in report.errors]
    assert "en sökväg som inte går att följa" in found
    assert not any("oväntat fel" in text for text in found)
