"""The points of docs/security.md that no other test proves: private folders and files, no
network traffic from a whole session and its exports, no code run from a module, and module
Markdown that loads neither addresses nor files when the console and projector show it."""

from __future__ import annotations

import ast
import http.server
import os
import shutil
import stat
import subprocess
import sys
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, ClassVar

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from facilitator.app import Application
from facilitator.core.content.catalog import Catalog
from facilitator.core.content.importer import import_pack
from facilitator.core.content.loader import load_manifest
from facilitator.core.content.pack import pack_module
from facilitator.core.content.validate import validate_module
from facilitator.core.export.printables import write_handout, write_leader_guide
from facilitator.core.export.service import (
    export_session_archive,
    export_session_csv,
    export_summary_pdf,
)
from facilitator.core.paths import resolve_paths
from facilitator.core.planning import ModuleChoice, plan_for
from facilitator.core.presentation.cards import card_for_step
from facilitator.core.storage.backups import make_backup
from facilitator.core.storage.database import open_database
from facilitator.core.storage.records import ModuleRef, ReflectionDraft, ReflectionKind
from facilitator.core.storage.repository import Repository
from facilitator.startup import prepare
from tests.app_in_process import (
    FILM_STEP,
    panel_of,
    reflections_on_disk,
    start_session,
)
from tests.faults.audit import is_network, watching
from tests.faults.test_disk_full import type_reflection
from tests.faults.test_film_faults import GRUND_1, FilmSession

ROOT = Path(__file__).resolve().parents[2]

# --- the data folder ---------------------------------------------------------------------


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_data_folders_and_database_files_are_for_the_owner_only(
    facilitator_home: Path,
) -> None:
    """Even with a umask that would let everyone read (0): modes are set, not inherited."""
    old = os.umask(0)
    try:
        paths = resolve_paths()
        paths.ensure()
        with open_database(paths) as database:
            repo = Repository.of(database)
            session = repo.sessions.create(
                title="Privat", plan_json="{}", modules=[ModuleRef("m", "1", "sha256:x", "M")]
            )
            repo.reflections.save(
                ReflectionDraft("r1", session.uuid, "m/s", ReflectionKind.NOTE, "Hemligt")
            )
            database_files = [
                paths.database_file,
                paths.database_file.with_name("facilitator.sqlite3-wal"),
                paths.database_file.with_name("facilitator.sqlite3-shm"),
            ]
            assert {f.name: _mode(f) for f in database_files} == {
                f.name: 0o600 for f in database_files
            }
            backup = make_backup(paths.database_file, paths.backup_dir, datetime.now())
        folders = [
            paths.data_dir,
            paths.config_dir,
            paths.log_dir,
            paths.user_modules_dir,
            paths.backup_dir,
        ]
        assert {str(f): _mode(f) for f in folders} == {str(f): 0o700 for f in folders}
        assert _mode(backup) == 0o600
        assert _mode(paths.database_file) == 0o600
    finally:
        os.umask(old)


# --- nothing leaves the machine ----------------------------------------------------------

NETWORK_MODULES = (
    "socket",
    "ssl",
    "http",
    "urllib.request",
    "urllib3",
    "requests",
    "httpx",
    "aiohttp",
    "ftplib",
    "smtplib",
    "poplib",
    "imaplib",
    "telnetlib",
    "xmlrpc",
    "webbrowser",
    "PySide6.QtNetwork",
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets",
    "PySide6.QtQml",
)


def _imports(source: Path) -> Iterator[str]:
    for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module
            yield from (f"{node.module}.{alias.name}" for alias in node.names)


# Local-only uses, each checked to stay local: the second-start hand-over (a local socket named
# after the data folder) and the wake-up for termination signals (a connected socket pair).
LOCAL_ONLY = {
    "facilitator/ui/single_instance.py": (
        {"PySide6.QtNetwork", "PySide6.QtNetwork.QLocalServer", "PySide6.QtNetwork.QLocalSocket"},
        ("QTcp", "QUdp", "QNetworkAccess", "QSsl", "QHostAddress"),
    ),
    "facilitator/ui/termination.py": ({"socket"}, ("socket.socket(", "create_connection")),
    # The phones' server (issue 20): it listens on the room's network and never connects out;
    # finding the room's address connects a UDP socket, which sends nothing.
    "facilitator/phones_web/network.py": (
        {"socket"},
        ("create_connection", "SOCK_STREAM", ".send(", ".sendto("),
    ),
    "facilitator/phones_web/server.py": (
        {"aiohttp", "aiohttp.web"},
        ("ClientSession", "TCPConnector", "request(", "urlopen"),
    ),
    "facilitator/phones_web/web_app.py": (
        {"aiohttp", "aiohttp.web"},
        ("ClientSession", "TCPConnector", "urlopen"),
    ),
}


def test_the_app_imports_no_network_or_script_engine() -> None:
    found = []
    for source in sorted((ROOT / "facilitator").rglob("*.py")):
        relative = str(source.relative_to(ROOT))
        allowed, forbidden = LOCAL_ONLY.get(relative, (set(), ()))
        found += [
            f"{relative}: {name}"
            for name in _imports(source)
            if any(name == bad or name.startswith(bad + ".") for bad in NETWORK_MODULES)
            and name not in allowed
        ]
        text = source.read_text(encoding="utf-8")
        found += [f"{relative}: {word}" for word in forbidden if word in text]
    assert found == []


def test_a_whole_session_and_every_export_open_no_connection(
    application: Application, qtbot: Any, tmp_path: Path
) -> None:
    app = application
    with watching(is_network) as traffic:
        running = start_session(app, qtbot, rehearse=False)
        type_reflection(panel_of(running), qtbot, "Vi pratade om tystnad.")
        running.service.jump(FILM_STEP)
        console = running.console
        qtbot.waitUntil(lambda: console.film_position.text().startswith("0:0"), timeout=15_000)
        running.service.end()
        qtbot.waitUntil(lambda: app.services.storage.pending == 0, timeout=10_000)
        session = running.service.session_uuid
        database = open_database(app.services.paths)
        repo = Repository.of(database)
        out = tmp_path / "export"
        export_summary_pdf(repo, session, out / "sammanfattning.pdf")
        export_session_csv(repo, session, out)
        export_session_archive(repo, session, folder=out)
        write_leader_guide(GRUND_1, out / "guide.pdf")
        write_handout(GRUND_1, out / "deltagare.pdf")
        database.close()
    assert list(reflections_on_disk(app.services.paths.database_file).values()) == [
        "Vi pratade om tystnad."
    ]
    assert len(list(out.iterdir())) == 6
    assert traffic == []


# --- module packs are data, never code ---------------------------------------------------

CODE = "from pathlib import Path\nPath({marker!r}).write_text('körd')\n"


def test_nothing_in_a_module_is_ever_run(tmp_path: Path, facilitator_home: Path) -> None:
    marker = tmp_path / "MODULE-CODE-RAN"
    folder = tmp_path / "grund-1"
    shutil.copytree(GRUND_1, folder)
    for name in ("__init__.py", "setup.py", "conftest.py", "texts/hook.py", "film/script.py"):
        (folder / name).write_text(CODE.format(marker=str(marker)), encoding="utf-8")
    pack = pack_module(folder, tmp_path / "grund-1.fmod").path
    paths = prepare(portable=False, language="sv").paths
    imported = import_pack(pack, paths.user_modules_dir, replace=True)
    assert imported.path is not None and (imported.path / "texts" / "hook.py").is_file()

    # Everything the app does with a module: list, check, open, plan, show, print.
    catalog = Catalog.for_app(paths)
    catalog.load(check=True)
    assert any(entry.path == imported.path for entry in catalog.library())
    assert validate_module(imported.path).ok
    manifest = load_manifest(imported.path).manifest
    assert manifest is not None
    plan = plan_for([ModuleChoice(manifest, manifest.variant(45))])
    cards = [card_for_step(step, 5) for step in manifest.steps]
    write_leader_guide(imported.path, tmp_path / "guide.pdf")
    write_handout(imported.path, tmp_path / "deltagare.pdf")
    assert plan.steps and cards
    assert not marker.exists()
    loaded_from_module = [
        name
        for name, module in list(sys.modules.items())
        if getattr(module, "__file__", None)
        and Path(module.__file__).resolve().is_relative_to(tmp_path)
    ]
    assert loaded_from_module == []


# --- Markdown shows text, and loads nothing ----------------------------------------------

PAINT = QColor(18, 254, 52)  # a colour no part of the app uses


class _Counter(http.server.BaseHTTPRequestHandler):
    hits: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        self.hits.append(self.path)
        self.send_response(404)
        self.end_headers()

    def log_message(self, *_args: Any) -> None:
        pass


@pytest.fixture
def web() -> Iterator[tuple[str, list[str]]]:
    """A web server on this machine that counts what is asked of it."""
    hits: list[str] = []
    handler = type("Handler", (_Counter,), {"hits": hits})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", hits
    server.shutdown()
    server.server_close()


def _painted(widget: QWidget) -> bool:
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    pixel = PAINT.rgb().to_bytes(4, "little")
    data = bytes(image.constBits())
    return any(data[i : i + 4] == pixel for i in range(0, len(data), 4) if data[i + 1] == 254)


def _hostile(url: str, picture: Path) -> str:
    return "\n\n".join(
        [
            f"![från nätet]({url}/markdown.png)",
            f'<img src="{url}/html.png"> <link rel="stylesheet" href="{url}/style.css">',
            f"![lokal bild]({picture})",
            f'<img src="{picture}" width="300" height="300">',
            f"![referens][bild]\n\n[bild]: {picture}",
            f'\\![bakom snedstreck]({picture}) \\<img src="{picture}">',
            "<script>document.title = 'körd'</script>",
            f"Vanlig text med en [länk]({url}/link) och **fetstil**.",
        ]
    )


def test_module_markdown_fetches_no_address_and_reads_no_file(
    qtbot: Any, tmp_path: Path, web: tuple[str, list[str]]
) -> None:
    url, hits = web
    picture = tmp_path / "privat-bild.png"
    image = QImage(300, 300, QImage.Format.Format_RGB32)
    image.fill(PAINT)
    assert image.save(str(picture))
    # The check sees a picture when one is drawn: a plain rich-text label draws it.
    control = QLabel(f'<img src="{picture}">')
    control.setTextFormat(Qt.TextFormat.RichText)
    qtbot.addWidget(control)
    assert _painted(control)

    folder = tmp_path / "grund-1"
    shutil.copytree(GRUND_1, folder)
    manifest = folder / "module.toml"
    text = manifest.read_text(encoding="utf-8")
    hostile = _hostile(url, picture).replace("\\", "\\\\")  # as a TOML string holds it
    text = text.replace(
        "## Välkomna till samtalet: Vad är kultur?\n",
        "## Välkomna till samtalet: Vad är kultur?\n\n" + hostile + "\n",
    ).replace("\nHälsa välkommen och presentera dig kort,", "\n" + hostile + "\n\nHälsa välkommen,")
    manifest.write_text(text, encoding="utf-8")

    session = FilmSession(qtbot, folder)  # starts on the welcome step: its card and notes
    session.projector.resize(1280, 1600)
    console, projector = session.console, session.projector
    assert not _painted(projector)
    assert not _painted(console.leader_notes)
    assert hits == []  # Qt lays text out synchronously: a fetch would have happened by now
    # What was meant as text is still there to read.
    shown = projector.visible_text()
    while projector.next_page():  # the hostile text makes the card long: it has pages
        assert not _painted(projector)
        shown += projector.visible_text()
    assert "Vanlig text med en länk och fetstil." in shown
    assert "<script>document.title = 'körd'</script>" in shown
    assert "Vanlig text med en länk och fetstil." in console.leader_notes.toPlainText()
    assert "körd" not in projector.windowTitle() + console.windowTitle()
    session.controller.end()


def test_a_module_naming_a_never_ending_file_does_not_freeze_the_projector(
    tmp_path: Path,
) -> None:
    """``/dev/zero`` as a picture: read, it never ends. Shown in a process of its own, so a
    regression fails here after a minute instead of hanging the suite."""
    script = (
        "from PySide6.QtWidgets import QApplication\n"
        "from facilitator.core.presentation.cards import CardKind, ProjectorCard\n"
        "from facilitator.ui.projector.projector_view import ProjectorView\n"
        "app = QApplication([])\n"
        "view = ProjectorView()\n"
        "view.resize(800, 600)\n"
        "view.show()\n"
        "body = '![bild](/dev/zero)\\n\\n<img src=\"/dev/zero\">\\n\\nText efter.'\n"
        "view.show_card(ProjectorCard(CardKind.TEXT, heading='Rubrik', body=body))\n"
        "view.grab()\n"
        "print('shown', flush=True)\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.stdout.strip() == "shown", done.stderr


# --- deletion and retention, through the app -------------------------------------------

SECRET = "Hemligt-citat-Ödeshög-4711"


def _on_disk(database: Path) -> bytes:
    """The database file and its -wal, as they lie on disk."""
    wal = database.with_name(database.name + "-wal")
    return database.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


def test_a_session_deleted_from_the_history_is_gone_from_the_disk_and_the_backups(
    application: Application, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = application
    running = start_session(app, qtbot)
    type_reflection(panel_of(running), qtbot, f"{SECRET}: " + "ord " * 1500)
    session = running.service.session_uuid
    running.service.end()
    qtbot.waitUntil(lambda: app.services.storage.pending == 0, timeout=10_000)
    database = app.services.paths.database_file
    assert SECRET.encode() in _on_disk(database)
    copy = make_backup(
        database, app.services.paths.backup_dir, datetime.now()
    )  # as a migration would
    assert SECRET.encode() in copy.read_bytes()

    def confirm(box: QMessageBox) -> int:
        next(b for b in box.buttons() if b.text() == "Ta bort för gott").click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", confirm)  # the leader confirms the deletion
    app.parts.history_page.delete_requested.emit(session)
    qtbot.waitUntil(lambda: app.services.storage.pending == 0, timeout=10_000)
    assert SECRET.encode() not in _on_disk(database)
    assert list(app.services.paths.backup_dir.iterdir()) == []
    assert reflections_on_disk(database) == {}


def test_retention_deletes_old_sessions_for_real_when_the_app_starts(
    facilitator_home: Path, qtbot: Any
) -> None:
    from datetime import timedelta

    from facilitator.core.settings import Settings, SettingsStore
    from facilitator.core.storage.records import SessionLifecycle

    paths = prepare(portable=False, language="sv").paths
    SettingsStore(paths.settings_file).save(Settings(retention_days=30))
    moment = [datetime(2026, 1, 10, 9, 0, tzinfo=UTC)]
    with open_database(paths, now=lambda: moment[0]) as database:
        repo = Repository.of(database)
        for title, text in (("Gammal träff", SECRET), ("Ny träff", "Får stå kvar")):
            session = repo.sessions.create(title=title, plan_json="{}", modules=[])
            repo.sessions.set_status(session.uuid, SessionLifecycle.RUNNING)
            repo.reflections.save(
                ReflectionDraft(f"r-{title}", session.uuid, "s", ReflectionKind.NOTE, text)
            )
            repo.sessions.set_status(session.uuid, SessionLifecycle.FINISHED)
            moment[0] = datetime.now(UTC) - timedelta(days=1)
    assert SECRET.encode() in _on_disk(paths.database_file)

    from PySide6.QtWidgets import QApplication

    app = Application(
        QApplication.instance(), prepare(portable=False, language="sv"), interactive=False
    )
    qtbot.addWidget(app.window)
    app.start([], exit_when_ready=False)
    qtbot.waitUntil(lambda: app.is_assembled and app.services.storage.is_open, timeout=20_000)
    qtbot.waitUntil(
        lambda: list(reflections_on_disk(paths.database_file).values()) == ["Får stå kvar"],
        timeout=10_000,
    )
    qtbot.waitUntil(lambda: app.services.storage.pending == 0, timeout=10_000)
    app.shutdown()
    assert SECRET.encode() not in _on_disk(paths.database_file)


def test_a_failed_write_never_carries_the_words_into_the_log(tmp_path: Path) -> None:
    """SQLAlchemy puts a failed statement's parameters in its error message; the app logs
    such errors with their tracebacks (serial writer at shutdown, background tasks), and the
    log file is what a leader sends to IT support. The engine hides them."""
    import traceback

    from sqlalchemy import event

    from facilitator.core.storage.errors import StorageFull

    secret = "".join(["Privat", "-anteckning-", "4711 "]) * 3000
    with open_database(tmp_path / "facilitator.sqlite3") as database:
        repo = Repository.of(database)
        session = repo.sessions.create(title="T", plan_json="{}", modules=[])
        repo.reflections.save(ReflectionDraft("r1", session.uuid, "s", ReflectionKind.NOTE, "kort"))
        with database.engine.connect() as connection:
            pages = connection.exec_driver_sql("PRAGMA page_count").scalar_one()
        event.listen(
            database.engine,
            "connect",
            lambda dbapi, _record: dbapi.execute(f"PRAGMA max_page_count={pages}"),
        )
        database.engine.dispose()
        for write in (
            lambda: repo.reflections.edit("r1", text=secret),
            lambda: repo.private_notes.save(session.uuid, "s", secret),
            lambda: repo.sessions.create(title=secret, plan_json="{}", modules=[]),
        ):
            with pytest.raises(StorageFull) as raised:
                write()
            logged = "".join(traceback.format_exception(raised.value))
            assert "Privat-anteckning-4711" not in logged


def test_markup_in_module_texts_and_reflections_stays_text_in_every_pdf(
    tmp_path: Path, web: tuple[str, list[str]]
) -> None:
    """reportlab would fetch ``<img src="http://…">`` itself: module texts (a pack from
    anyone) and reflections (an archive from another laptop) reach it only escaped."""
    from tests.core.export import pdf_tools
    from tests.core.export.sample_data import add_session, open_sample_db

    url, hits = web
    markup = f'<img src="{url}/pdf.png" width="99" height="99"/> <a href="{url}/a">x</a>'
    folder = tmp_path / "grund-1"
    shutil.copytree(GRUND_1, folder)
    intro = folder / "texts" / "introduktion.md"
    intro.write_text(intro.read_text(encoding="utf-8") + "\n\n" + markup + "\n", "utf-8")
    db = open_sample_db(tmp_path / "db")
    try:
        session = add_session(
            db, reflections=[("exempel-modul/samtal-1", "Fråga", ReflectionKind.QUOTE, markup)]
        )
        with watching(is_network) as traffic:
            handout = write_handout(folder, tmp_path / "deltagare.pdf")
            summary = export_summary_pdf(db.repo, session, tmp_path / "sammanfattning.pdf")
    finally:
        db.close()
    assert hits == [] and traffic == []
    for pdf in (handout, summary):
        assert "<img src=" in pdf_tools.text(pdf).replace("\n", " ")
