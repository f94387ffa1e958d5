"""Every tool command, given bad input or a data folder in a bad state, ends with a plain
Swedish message on standard error and an exit code: 1 for a problem with the input or the
data, 2 for a usage mistake. Never a traceback.

The real command line runs as a subprocess, each case in a data folder of its own. The cases
run a few at a time: each one is a fresh Python start."""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.cli.cli_rig import (
    BUNDLED_MODULE,
    Ran,
    archive_of_a_session,
    can_make_read_only,
    damage,
    database_file,
    hold_exclusive_lock,
    home_with_session,
    make_too_new,
    module_pack,
    run_cli,
)

USAGE, PROBLEM = 2, 1


@dataclass(frozen=True)
class Case:
    name: str
    argv: tuple[str, ...]
    code: int
    says: str = ""
    """A fragment the message on standard error must hold."""
    data: str = "fresh"
    """The data folder's state: fresh, session, damaged, too_new, locked, read_only,
    database_is_a_folder."""
    report: bool = False
    """A command whose per-file report (on standard output) names what failed."""


def case(
    name: str, *argv: str, code: int, says: str = "", data: str = "fresh", report: bool = False
) -> Case:
    return Case(name, argv, code, says, data, report)


EXPORT = ("export", "{session}", "--pdf")
REPORT = ("report", "--from", "2025-03-01", "--to", "2025-03-31", "-o", "{scratch}/r.pdf")
IMPORT = ("import-archive", "{archive}")
MODULE = ("modules", "import", "{pack}", "--no-probe")
DAMAGED = "skadad"
TOO_NEW = "nyare version"

CASES = [
    # -- usage mistakes: 2 ------------------------------------------------------------------
    case("app: unknown option", "--bogus", code=USAGE),
    case("export: no session", "export", code=USAGE),
    case("export: no format", "export", "abc", code=USAGE),
    case("export: target 500 %", *EXPORT, "--target", "500", code=USAGE, says="procent"),
    case("report: bad date", "report", "--from", "mars", "--to", "2025-03-31", code=USAGE),
    case(
        "report: impossible date",
        "report",
        "--from",
        "2025-02-30",
        "--to",
        "2025-03-31",
        code=USAGE,
        says="ÅÅÅÅ-MM-DD",
    ),
    case(
        "report: from year 1",
        "report",
        "--from",
        "0001-01-01",
        "--to",
        "2025-03-31",
        code=USAGE,
        says="1971-01-01",
    ),
    case(
        "report: to 9999-12-31",
        "report",
        "--from",
        "2025-01-01",
        "--to",
        "9999-12-31",
        code=USAGE,
        says="9998-12-31",
    ),
    case(
        "report: ends before it starts",
        "report",
        "--from",
        "2025-03-02",
        "--to",
        "2025-03-01",
        code=USAGE,
        says="Slutdatumet ligger före startdatumet",
    ),
    case("import-archive: no file", "import-archive", code=USAGE),
    case("modules: unknown subcommand", "modules", "bogus", code=USAGE),
    case("check: zero timeout", "check", "--timeout", "0", code=USAGE, says="--timeout"),
    case("films: no action", "films", code=USAGE),
    # -- damaged, too new, locked, read-only, not a file: 1 ---------------------------------
    case("export: damaged database", *EXPORT, code=PROBLEM, says=DAMAGED, data="damaged"),
    case("import-archive: damaged database", *IMPORT, code=PROBLEM, says=DAMAGED, data="damaged"),
    case("report: database too new", *REPORT, code=PROBLEM, says=TOO_NEW, data="too_new"),
    case("import-archive: database too new", *IMPORT, code=PROBLEM, says=TOO_NEW, data="too_new"),
    case("export: database locked", *EXPORT, code=PROBLEM, says="annat program", data="locked"),
    # Each archive is refused in the per-file report; the lock is named there.
    case("import-archive: database locked", *IMPORT, code=PROBLEM, data="locked", report=True),
    case("report: read-only data folder", *REPORT, code=PROBLEM, data="read_only"),
    case("modules import: read-only data folder", *MODULE, code=PROBLEM, data="read_only"),
    case(
        "export: database is a folder",
        *EXPORT,
        code=PROBLEM,
        says="är en mapp",
        data="database_is_a_folder",
    ),
    # -- input that is not there, or not what it should be: 1 -------------------------------
    case(
        "export: unknown session",
        "export",
        "finns-inte",
        "--pdf",
        code=PROBLEM,
        says="Ingen session med id finns-inte",
        data="session",
    ),
    case(
        "export: folder does not exist",
        *EXPORT,
        "-o",
        "{scratch}/saknas/s.pdf",
        code=PROBLEM,
        says="saknas finns inte",
        data="session",
    ),
    case(
        "export: a folder where the file goes",
        *EXPORT,
        "-o",
        "{scratch}/mapp",
        code=PROBLEM,
        says="är en mapp",
        data="session",
    ),
    case(
        "export: a file where the folder goes",
        "export",
        "{session}",
        "--csv",
        "-o",
        "{scratch}/fil.txt",
        code=PROBLEM,
        says="är en fil",
        data="session",
    ),
    case(
        "report: folder does not exist",
        "report",
        "--from",
        "2025-03-01",
        "--to",
        "2025-03-31",
        "--csv",
        "-o",
        "{scratch}/saknas/djupare",
        code=PROBLEM,
        says="finns inte",
    ),
    case(
        "import-archive: no such file",
        "import-archive",
        "{scratch}/saknas.json",
        code=PROBLEM,
        report=True,
    ),
    case("import-archive: a folder", "import-archive", "{scratch}/mapp", code=PROBLEM, report=True),
    case(
        "modules import: no such file",
        "modules",
        "import",
        "/finns/inte.fmod",
        code=PROBLEM,
        says="/finns/inte.fmod finns inte",
    ),
    case(
        "modules import: a folder",
        "modules",
        "import",
        "{scratch}/mapp",
        code=PROBLEM,
        says="inte en vanlig fil",
    ),
    case(
        "modules import: a FIFO",
        "modules",
        "import",
        "{scratch}/fifo.fmod",
        code=PROBLEM,
        says="inte en vanlig fil",
    ),
    case(
        "modules import: not a pack",
        "modules",
        "import",
        "{scratch}/fil.txt",
        code=PROBLEM,
        says="inte ett modulpaket",
    ),
    case(
        "modules validate: no such folder",
        "modules",
        "validate",
        "{scratch}/saknas",
        code=PROBLEM,
        report=True,
    ),
    case("modules pack: no such folder", "modules", "pack", "{scratch}/saknas", code=PROBLEM),
    case(
        "modules pack: folder does not exist",
        "modules",
        "pack",
        "{module}",
        "-o",
        "{scratch}/saknas/m.fmod",
        code=PROBLEM,
        says="finns inte",
    ),
    case(
        "modules schema: a folder",
        "modules",
        "schema",
        "-o",
        "{scratch}/mapp",
        code=PROBLEM,
        says="är en mapp",
    ),
    case(
        "printables: no such module",
        "printables",
        "finns-inte",
        code=PROBLEM,
        says="Ingen modul finns-inte",
    ),
    case(
        "printables: a file where the folder goes",
        "printables",
        "{module}",
        "-o",
        "{scratch}/fil.txt",
        code=PROBLEM,
        says="är en fil",
    ),
    case("films render: no such folder", "films", "render", "{scratch}/saknas", code=PROBLEM),
]


@dataclass(frozen=True)
class Shared:
    database_with_session: Path
    session: str
    archive: Path
    pack: Path


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Shared:
    base = tmp_path_factory.mktemp("shared")
    session = home_with_session(base / "home")
    archive = archive_of_a_session(base / "laptop", base / "session.json")
    pack = module_pack(base / "modul.fmod")
    return Shared(database_file(base / "home"), session, archive, pack)


def _prepare(data: str, home: Path, shared: Shared) -> None:
    file = database_file(home)
    if data == "fresh":
        return
    file.parent.mkdir(parents=True)
    if data == "database_is_a_folder":
        file.mkdir()
        return
    if data == "damaged":
        damage(file)
        return
    shutil.copyfile(shared.database_with_session, file)
    if data == "too_new":
        make_too_new(file)
    if data == "read_only":
        for path in (file, file.parent, home):
            path.chmod(0o555)


def _scratch(folder: Path) -> Path:
    folder.mkdir(parents=True)
    (folder / "mapp").mkdir()
    (folder / "fil.txt").write_text("inte det du tror\n", encoding="utf-8")
    os.mkfifo(folder / "fifo.fmod")
    return folder


def _argv(case: Case, scratch: Path, shared: Shared) -> list[str]:
    values = {
        "session": shared.session,
        "scratch": str(scratch),
        "archive": str(shared.archive),
        "pack": str(shared.pack),
        "module": str(BUNDLED_MODULE),
    }
    return [part.format(**values) for part in case.argv]


@pytest.fixture
def locks() -> Iterator[list[sqlite3.Connection]]:
    held: list[sqlite3.Connection] = []
    yield held
    for connection in held:
        connection.rollback()
        connection.close()


def test_every_command_tells_what_went_wrong_without_a_traceback(
    shared: Shared, tmp_path: Path, locks: list[sqlite3.Connection]
) -> None:
    cases = [c for c in CASES if c.data != "read_only" or can_make_read_only()]
    runs: list[tuple[Case, Path, list[str]]] = []
    for index, each in enumerate(cases):
        home = tmp_path / f"case-{index}" / "home"
        _prepare(each.data, home, shared)
        if each.data == "locked":
            locks.append(hold_exclusive_lock(database_file(home)))
        scratch = _scratch(tmp_path / f"case-{index}" / "scratch")
        runs.append((each, home, _argv(each, scratch, shared)))

    def run(item: tuple[Case, Path, list[str]]) -> Ran:
        each, home, argv = item
        return run_cli(home, *argv, honour_permissions=each.data == "read_only")

    # The locked cases first: most of their time is SQLite's busy timeout, spent asleep
    # while the others run.
    runs.sort(key=lambda item: item[0].data != "locked")
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(run, runs))

    wrong = []
    for (each, _home, argv), ran in zip(runs, results, strict=True):
        problems = []
        if "Traceback" in ran.stderr + ran.stdout:
            problems.append("a traceback")
        if ran.code != each.code:
            problems.append(f"exit code {ran.code}, expected {each.code}")
        if each.says and each.says not in ran.stderr:
            problems.append(f"no {each.says!r} on standard error")
        if not (ran.stdout if each.report else ran.stderr).strip():
            problems.append("nothing said")
        if problems:
            wrong.append(f"{each.name} ({' '.join(argv)}): {', '.join(problems)}\n{ran.stderr}")
    assert not wrong, "\n\n".join(wrong)
