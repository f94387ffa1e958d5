"""Hostile archive files: refused with a Swedish reason, never a traceback, a hang, or a
session half-written (issue 15, finding 5)."""

from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from facilitator.core.export.archive import ArchiveError, read_archive, write_archive
from facilitator.core.export.archive_bounds import MAX_ARCHIVE_BYTES, MAX_REFLECTION_CHARS
from facilitator.core.export.archive_import import ArchiveOutcome, import_archives
from facilitator.core.export.gather import gather_session
from facilitator.core.export.model import SessionExport
from facilitator.core.storage.records import HistoryQuery
from tests.core.export.hostile_archive import archive_data, write_json
from tests.core.export.sample_data import ROOT, SampleDb, open_sample_db


def _deep(data: Any) -> bytes:
    return b'{"kind": "facilitator-session-archive", "x": ' + b"[" * 200_000 + b"]" * 200_000 + b"}"


def _big_number(data: Any) -> Any:
    data["attendance"]["women"] = int("9" * 4000)  # json.dumps writes it; int() would refuse
    return data


def _huge_count(data: Any) -> Any:
    data["evaluation"][0]["options"][0]["count"] = 10**30
    return data


def _large_count(data: Any) -> Any:
    data["attendance"]["men"] = 10**12  # fits SQLite's integer, but no group is that large
    return data


def _huge_count_as_float(data: Any) -> Any:
    data["attendance"]["men"] = 1e30
    return data


def _same_option_twice(data: Any) -> Any:
    options = data["evaluation"][0]["options"]
    options.append(dict(options[0], text="en gång till"))
    return data


def _same_reflection_twice(data: Any) -> Any:
    data["reflections"].append(dict(data["reflections"][0], text="en annan text"))
    return data


def _same_step_twice(data: Any) -> Any:
    data["steps"].append(copy.deepcopy(data["steps"][0]))
    return data


def _long_reflection(data: Any) -> Any:
    data["reflections"][0]["text"] = "x" * (MAX_REFLECTION_CHARS + 1)
    return data


def _too_many_reflections(data: Any) -> Any:
    data["reflections"] = [dict(data["reflections"][0], uuid=f"r-{i}") for i in range(10_001)]
    return data


def _naive_time(data: Any) -> Any:
    data["reflections"][0]["created_at"] = "2025-03-14T09:00:00"
    return data


def _year_one(data: Any) -> Any:
    data["session"]["created_at"] = "0001-01-01T00:00:00+01:00"
    return data


def _deep_plan(data: Any) -> Any:
    data["session"]["plan_json"] = "[" * 5000 + "]" * 5000
    return data


def _infinity(data: Any) -> bytes:
    return json.dumps(data).replace('"women": 7', '"women": Infinity').encode()


def _path_as_uuid(data: Any) -> Any:
    data["session"]["uuid"] = "../../etc"
    return data


CASES: dict[str, tuple[Callable[[Any], Any], str]] = {
    "200,000-deep nesting (was RecursionError)": (_deep, "nästlat"),
    "a 4,000-digit number (was ValueError)": (_big_number, "siffror"),
    "a count of 10^30 (was OverflowError)": (_huge_count, "siffror"),
    "a count of 10^12": (_large_count, "mellan 0 och"),
    "a count of 1e30": (_huge_count_as_float, "ogiltigt värde"),
    "an option index twice (was IntegrityError)": (_same_option_twice, "mer än en gång"),
    "a reflection uuid twice (was 'tillagd')": (_same_reflection_twice, "mer än en gång"),
    "a step key twice (was IntegrityError)": (_same_step_twice, "mer än en gång"),
    "a reflection over 20,000 characters": (_long_reflection, "20 000 tecken"),
    "more than 10,000 reflections": (_too_many_reflections, "fler än"),
    "a time without a zone": (_naive_time, "tidszon"),
    "the year 1 (overflows on conversion to UTC)": (_year_one, "året"),
    "a plan nested 5,000 deep": (_deep_plan, "nästlad"),
    "Infinity": (_infinity, "inget tal"),
    "a path as the session's id": (_path_as_uuid, "ogiltigt id"),
}


@pytest.mark.parametrize("name", list(CASES))
def test_hostile_archive_is_refused_whole(
    name: str, session: SessionExport, tmp_path: Path
) -> None:
    change, words = CASES[name]
    changed = change(archive_data(session, tmp_path))
    path = tmp_path / "hostile.json"
    if isinstance(changed, bytes):
        path.write_bytes(changed)
    else:
        write_json(path, changed)
    with pytest.raises(ArchiveError, match=words):
        read_archive(path)
    other = open_sample_db(tmp_path / "other")
    try:
        [result] = import_archives(other.database, [path])
        assert result.outcome is ArchiveOutcome.FAILED and words in result.message
        assert other.repo.history.page(HistoryQuery(include_rehearsals=True)).total == 0
    finally:
        other.close()


def test_a_reflection_of_exactly_20000_characters_is_taken(
    session: SessionExport, tmp_path: Path
) -> None:
    data = archive_data(session, tmp_path)
    data["reflections"][0]["text"] = "å" * MAX_REFLECTION_CHARS
    archive = read_archive(write_json(tmp_path / "a.json", data))
    assert len(archive.reflections[0].text) == MAX_REFLECTION_CHARS


def test_a_long_reflection_typed_here_still_exports(
    sample_db: SampleDb, session_uuid: str, tmp_path: Path
) -> None:
    """The bounds apply to reading only: writing an archive never fails on what was typed."""
    reflection = sample_db.repo.reflections.for_session(session_uuid)[0]
    sample_db.repo.reflections.edit(reflection.uuid, text="x" * (MAX_REFLECTION_CHARS + 1))
    path = write_archive(gather_session(sample_db.repo, session_uuid), tmp_path / "long.json")
    with pytest.raises(ArchiveError, match=r"reflections\.\d+\.text \(texten är längre"):
        read_archive(path)


def test_a_huge_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    # Sparse: the size is there, the bytes never are; reading it would take seconds.
    huge = tmp_path / "huge.json"
    with huge.open("wb") as handle:
        handle.truncate(MAX_ARCHIVE_BYTES * 3)
    with pytest.raises(ArchiveError, match="större än"):
        read_archive(huge)


def test_text_from_the_archive_is_cleaned(session: SessionExport, tmp_path: Path) -> None:
    data = archive_data(session, tmp_path)
    data["reflections"][0]["text"] = "rad ett\r\nrad\x00 två\x1b[31m \ud800slut"
    data["session"]["title"] = "Titel\x07"
    path = tmp_path / "a.json"
    path.write_text(json.dumps(data), encoding="utf-8")  # \ud800 goes in as an escape
    archive = read_archive(path)
    assert archive.reflections[0].text == "rad ett\nrad två[31m slut"
    assert archive.session.title == "Titel"


_READ_ONE = (
    "import sys; from pathlib import Path\n"
    "from facilitator.core.export.archive import ArchiveError, read_archive\n"
    "try:\n    read_archive(Path(sys.argv[1]))\n"
    "except ArchiveError as error:\n    print(error.message)\n"
)


def _read_in_a_child(path: Path) -> str:
    """In a process of its own, so a regression hangs only the child, for 30 s at most."""
    done = subprocess.run(
        [sys.executable, "-c", _READ_ONE, str(path)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_refused_without_waiting(tmp_path: Path) -> None:
    fifo = tmp_path / "archive.json"
    os.mkfifo(fifo)
    assert "ingen vanlig fil" in _read_in_a_child(fifo)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_dev_zero_is_refused_without_reading_for_ever() -> None:
    assert "ingen vanlig fil" in _read_in_a_child(Path("/dev/zero"))


def test_a_folder_a_missing_file_and_a_bad_name_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ArchiveError, match=r"ingen vanlig fil|kunde inte läsas"):
        read_archive(tmp_path)
    with pytest.raises(ArchiveError, match="finns inte"):
        read_archive(tmp_path / "saknas.json")
    with pytest.raises(ArchiveError, match="ogiltigt"):
        read_archive(tmp_path / "a\x00b.json")
