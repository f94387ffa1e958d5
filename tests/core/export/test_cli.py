"""`facilitator export|report|import-archive|printables`, run as the command line runs them."""

from __future__ import annotations

import argparse
import io
import json
from pathlib import Path

import pytest

from facilitator.cli import export as cli_export
from facilitator.cli.failures import run_command
from facilitator.core.paths import resolve_paths
from tests.core.export import pdf_tools
from tests.core.export.sample_data import EXAMPLE_MODULE, PRIVATE, add_session, open_sample_db


def _run(*argv: str) -> tuple[int, str]:
    # As facilitator.cli.tools.build_tool_parser does; import-archive and printables are not in its
    # TOOLS table until the lead adds them.
    parser = argparse.ArgumentParser(prog="facilitator")
    cli_export.add_parser(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(list(argv))
    out = io.StringIO()
    # As the command line does: a failure is told (here into the same buffer) with its code.
    code = run_command(lambda: args.handler(args, out), lambda: Path("unused.log"), err=out)
    return code, out.getvalue()


@pytest.fixture
def uuid(facilitator_home: Path) -> str:
    db = open_sample_db(resolve_paths().data_dir)
    try:
        return add_session(db)
    finally:
        db.close()


def test_export_pdf_csv_json(uuid: str, tmp_path: Path) -> None:
    code, out = _run("export", uuid, "--pdf")
    assert code == 0
    pdf = Path(out.strip())
    assert pdf.parent == resolve_paths().export_dir and pdf.name.endswith(".pdf")
    assert "Amina Hassan" in pdf_tools.text(pdf)
    code, out = _run("export", uuid, "--csv", "-o", str(tmp_path / "csv"))
    assert code == 0 and len(out.split()) == 2
    code, out = _run("export", uuid, "--json", "-o", str(tmp_path / "s.json"))
    assert code == 0
    archive = json.loads((tmp_path / "s.json").read_text(encoding="utf-8"))
    assert archive["session"]["uuid"] == uuid and PRIVATE not in json.dumps(archive)
    db = open_sample_db(resolve_paths().data_dir)
    try:
        recorded = db.repo.exports.for_session(uuid)
    finally:
        db.close()
    assert [(e.path.suffix, e.kind.value) for e in recorded] == [
        (".pdf", "pdf"),
        (".csv", "csv"),
        (".csv", "csv"),
        (".json", "json"),
    ]


def test_export_of_an_unknown_session_fails_cleanly(uuid: str) -> None:
    code, out = _run("export", "finns-inte", "--pdf")
    assert code == 1 and "Ingen session med id finns-inte" in out


def test_report_pdf_and_csv(uuid: str, tmp_path: Path) -> None:
    code, out = _run(
        "report", "--from", "2025-03-01", "--to", "2025-03-31", "-o", str(tmp_path / "r.pdf")
    )
    assert code == 0 and "Deltagare 13" in " ".join(pdf_tools.text(tmp_path / "r.pdf").split())
    code, out = _run(
        "report",
        "--from",
        "2025-03-01",
        "--to",
        "2025-03-31",
        "--module",
        "exempel-modul",
        "--csv",
        "-o",
        str(tmp_path),
    )
    assert code == 0 and len(out.split()) == 2
    with pytest.raises(SystemExit):
        _run("report", "--from", "mars", "--to", "2025-03-31")


def test_import_archive_twice(uuid: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _run("export", uuid, "--json", "-o", str(tmp_path / "s.json"))
    monkeypatch.setenv("FACILITATOR_HOME", str(tmp_path / "coordinator"))
    code, out = _run("import-archive", str(tmp_path / "s.json"))
    assert code == 0 and out.startswith("tillagd")
    assert "reflektioner – tillagda: 11" in out  # the per-session report
    code, out = _run("import-archive", str(tmp_path / "s.json"))
    assert code == 0 and out.startswith("fanns redan")
    (tmp_path / "bad.json").write_text("[]", encoding="utf-8")
    code, out = _run("import-archive", str(tmp_path / "bad.json"))
    assert code == 1 and "FEL" in out


def test_printables_for_a_module_folder(tmp_path: Path) -> None:
    code, out = _run("printables", str(EXAMPLE_MODULE), "-o", str(tmp_path))
    assert code == 0
    assert [Path(p).name for p in out.split()] == [
        "example-module-forberedelseguide.pdf",
        "example-module-deltagarmaterial.pdf",
    ]


def test_export_refuses_a_link_at_the_output_and_names_it(uuid: str, tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("keep")
    link = tmp_path / "s.json"
    link.symlink_to(victim)
    code, out = _run("export", uuid, "--json", "-o", str(link))
    assert code == 1 and str(link) in out and "länk" in out
    assert victim.read_text() == "keep"


def test_printables_writes_the_signs_on_their_own_when_there_are_some(tmp_path: Path) -> None:
    from tests.core.export.printables_module import printables_module

    folder = printables_module(tmp_path)
    code, out = _run("printables", str(folder), "-o", str(tmp_path / "ut"))
    assert code == 0
    assert [Path(p).name for p in out.split()][-1] == "utskrifter-skyltar.pdf"
