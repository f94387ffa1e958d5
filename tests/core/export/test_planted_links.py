"""A folder the leader shares with others may hold links someone planted: an export never
writes through one (issue 15, finding 6)."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from facilitator.core.export.archive import write_archive
from facilitator.core.export.csv_export import write_session_csv
from facilitator.core.export.model import SessionExport
from facilitator.core.export.summary_pdf import write_summary_pdf
from facilitator.core.safe_write import FileWriteError

VICTIM_TEXT = "someone else's file\n"

Export = Callable[[SessionExport, Path], Path]


def _pdf(session: SessionExport, folder: Path) -> Path:
    return write_summary_pdf(session, folder / "sammanfattning.pdf")


def _csv(session: SessionExport, folder: Path) -> Path:
    return write_session_csv(session, folder, "tabell")[0]


def _json(session: SessionExport, folder: Path) -> Path:
    return write_archive(session, folder / "arkiv.facilitator.json")


EXPORTS = {"pdf": (_pdf, "sammanfattning.pdf"), "csv": (_csv, "tabell-reflektioner.csv")}
EXPORTS["json"] = (_json, "arkiv.facilitator.json")


@pytest.fixture
def victim(tmp_path: Path) -> Path:
    path = tmp_path / "elsewhere" / "victim.txt"
    path.parent.mkdir()
    path.write_text(VICTIM_TEXT)
    return path


@pytest.mark.parametrize("kind", sorted(EXPORTS))
def test_a_link_at_the_old_temporary_name_is_never_written_through(
    kind: str, session: SessionExport, tmp_path: Path, victim: Path
) -> None:
    export, name = EXPORTS[kind]
    folder = tmp_path / "shared"
    folder.mkdir()
    (folder / f".{name}.part").symlink_to(victim)

    written = export(session, folder)

    assert victim.read_text() == VICTIM_TEXT
    assert written == folder / name and written.stat().st_size > 0
    assert not written.is_symlink()
    assert stat.S_IMODE(written.stat().st_mode) == 0o600
    # Nothing left over but the planted link itself.
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        {f".{name}.part", name} | _other_files(kind, folder)
    )


def _other_files(kind: str, folder: Path) -> set[str]:
    return {"tabell-steg.csv"} if kind == "csv" else set()


@pytest.mark.parametrize("kind", sorted(EXPORTS))
def test_a_link_at_the_final_name_is_refused_with_the_path_named(
    kind: str, session: SessionExport, tmp_path: Path, victim: Path
) -> None:
    export, name = EXPORTS[kind]
    folder = tmp_path / "shared"
    folder.mkdir()
    link = folder / name
    link.symlink_to(victim)

    with pytest.raises(FileWriteError) as caught:
        export(session, folder)

    assert victim.read_text() == VICTIM_TEXT
    assert link.is_symlink() and os.readlink(link) == str(victim)
    assert str(link) in caught.value.message and "länk" in caught.value.message
    assert str(caught.value) == caught.value.message  # what the CLI and the UI show
    assert [p.name for p in folder.iterdir()] == [name]  # no temporary file left
