"""The one way files are written into a folder the leader chose (issue 15, finding 6)."""

from __future__ import annotations

import stat
from pathlib import Path
from typing import BinaryIO

import pytest

from facilitator.core.plan_files import save_plan
from facilitator.core.safe_write import FileWriteError, write_file, write_text
from facilitator.core.session.plan import SessionPlan


class Stop(Exception):
    pass


def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(tmp_path: Path) -> None:
    target = write_text(tmp_path / "export.txt", "old")

    def half_then_fail(out: BinaryIO) -> None:
        out.write(b"half")
        raise Stop

    with pytest.raises(Stop):
        write_file(target, half_then_fail)

    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["export.txt"]


def test_the_file_is_private_whatever_the_umask(tmp_path: Path) -> None:
    import os

    old = os.umask(0)
    try:
        target = write_text(tmp_path / "new" / "export.txt", "text")
    finally:
        os.umask(old)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert stat.S_IMODE(target.parent.stat().st_mode) == 0o700


def test_a_folder_that_cannot_be_written_is_named_in_the_message(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    target = blocker / "export.txt"

    with pytest.raises(FileWriteError) as caught:
        write_text(target, "text")

    assert str(target) in str(caught.value)
    assert "kunde inte sparas" in str(caught.value)


def test_a_saved_plan_does_not_follow_a_link_at_its_old_temporary_name(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("keep")
    (tmp_path / "mall.plan.json.tmp").symlink_to(victim)

    saved = save_plan(tmp_path / "mall.plan.json", SessionPlan(title="Mall", steps=()), ())

    assert victim.read_text() == "keep"
    assert saved.is_file() and not saved.is_symlink()
