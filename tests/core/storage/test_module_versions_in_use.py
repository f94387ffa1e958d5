from pathlib import Path

from facilitator.core.storage.database import open_database
from facilitator.core.storage.records import ModuleRef
from facilitator.core.storage.repository import Repository


def test_module_versions_in_use(tmp_path: Path) -> None:
    with open_database(tmp_path / "f.sqlite3") as database:
        repo = Repository.of(database)
        assert repo.sessions.module_versions_in_use() == frozenset()
        repo.sessions.create(
            title="A", plan_json="{}", modules=[ModuleRef("grund-1", "1.0.0", "sha256:x", "G1")]
        )
        repo.sessions.create(
            title="B",
            plan_json="{}",
            modules=[ModuleRef("grund-1", "1.0.0", "sha256:x"), ModuleRef("grund-2", "2.1", "h")],
        )
        assert repo.sessions.module_versions_in_use() == {("grund-1", "1.0.0"), ("grund-2", "2.1")}
