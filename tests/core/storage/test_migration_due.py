"""Whether a migration is due is known without Alembic (issue 16: importing it took ≈ 0.2 s of
every start): the revision files are read as Alembic reads them, and Alembic is imported only
when the file is created or upgraded."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from alembic.script import ScriptDirectory

from facilitator.core.storage.migrate import MIGRATIONS_DIR, alembic_config, revision_history
from tests.conftest import ROOT


def _alembic_view(migrations: Path) -> tuple[frozenset[str], frozenset[str]]:
    script = ScriptDirectory.from_config(alembic_config(migrations))
    known = frozenset(revision.revision for revision in script.walk_revisions())
    return known, frozenset(script.get_heads())


def test_the_revision_history_is_alembics_own(tmp_path: Path) -> None:
    history = revision_history(MIGRATIONS_DIR)
    assert (history.known, history.heads) == _alembic_view(MIGRATIONS_DIR)


def test_a_new_revision_and_a_merge_are_read_as_alembic_reads_them(tmp_path: Path) -> None:
    folder = tmp_path / "migrations"
    (folder / "versions").mkdir(parents=True)
    for name in ("env.py", "script.py.mako"):
        (folder / name).write_bytes((MIGRATIONS_DIR / name).read_bytes())
    head = revision_history(MIGRATIONS_DIR).head
    files = {
        "a.py": f'revision: str = "a"\ndown_revision: str | None = "{head}"\n',
        "b.py": f'revision = "b"\ndown_revision = "{head}"\n',
        "m.py": 'revision = "m"\ndown_revision = ("a", "b")\n',
    }
    for source in sorted(MIGRATIONS_DIR.joinpath("versions").glob("*.py")):
        files[source.name] = source.read_text(encoding="utf-8")
    for name, text in files.items():
        (folder / "versions" / name).write_text(text, encoding="utf-8")
    history = revision_history(folder)
    assert (history.known, history.heads) == _alembic_view(folder)
    assert history.head == "m"


def _open_in_a_fresh_interpreter(file: Path) -> str:
    """Opens ``file`` and says whether Alembic was imported on the way."""
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from facilitator.core.storage.database import open_database\n"
        "open_database(Path(sys.argv[1])).close()\n"
        "print('alembic' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(file)],
        cwd=ROOT,
        env=dict(os.environ),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_opening_a_current_database_does_not_import_alembic(tmp_path: Path) -> None:
    file = tmp_path / "facilitator.sqlite3"
    assert _open_in_a_fresh_interpreter(file) == "True"  # created: Alembic builds the schema
    assert _open_in_a_fresh_interpreter(file) == "False"  # current: no migration is due
