"""`facilitator export SESSION --html`, run as a leader runs it: the summary's accessible twin
is written where asked, and recorded so deleting the session can offer to delete it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.cli.cli_rig import database_file, home_with_session, run_cli
from tests.core.export.test_summary_html import parse


def test_the_summary_as_an_accessible_web_page(tmp_path: Path) -> None:
    home = tmp_path / "home"
    uuid = home_with_session(home)
    target = tmp_path / "ut" / "sammanfattning.html"
    target.parent.mkdir()
    ran = run_cli(home, "export", uuid, "--html", "-o", str(target))
    assert ran.code == 0, ran.stderr
    assert ran.stdout.strip() == str(target)
    page = parse(target)
    assert page.all("html")[0].attrs["lang"] == "sv"
    (h1,) = page.all("h1")
    assert h1.text == "Att mötas över kulturgränser"
    assert len(page.all("table")) == 6
    with sqlite3.connect(database_file(home)) as connection:
        recorded = connection.execute("SELECT path, kind FROM exports").fetchall()
    connection.close()
    # Recorded as what it is (migration 0003), to be offered for deletion with the session.
    assert recorded == [(str(target), "html")]


def test_without_a_file_it_goes_to_the_exports_folder(tmp_path: Path) -> None:
    home = tmp_path / "home"
    uuid = home_with_session(home)
    ran = run_cli(home, "export", uuid, "--html")
    assert ran.code == 0, ran.stderr
    written = Path(ran.stdout.strip())
    assert written.name.endswith("-Att-mötas-över-kulturgränser.html"), written
    assert written.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
