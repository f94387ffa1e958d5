"""Kill the real app at random moments, 20 times: nothing it said was saved is lost, and each
restart offers to resume the interrupted session."""

from __future__ import annotations

from pathlib import Path

from tests.e2e.kill_resume import soak


def test_twenty_kills_lose_nothing(tmp_path: Path) -> None:
    result = soak(tmp_path / "home", runs=20)
    assert result.runs == 20
    assert result.lost == []
    assert len(result.saved) >= 20
    assert result.resumed == 19  # every start after the first found the interrupted session
