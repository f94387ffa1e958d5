"""The application layer on real parts, without Qt: a real SQLite file in this test's
FACILITATOR_HOME behind the storage gateway (each operation run at once), the documented
example module, and a fake clock."""

from __future__ import annotations

import tomllib
from datetime import datetime, timedelta, timezone
from pathlib import Path

from facilitator.core.application.executor import InlineExecutor
from facilitator.core.application.sessions import Sessions
from facilitator.core.application.storage_gateway import StorageGateway
from facilitator.core.clock import FakeClock
from facilitator.core.content.manifest import Manifest
from facilitator.core.paths import resolve_paths
from facilitator.core.planning import ModuleChoice, OpenModule, plan_for
from facilitator.core.session.plan import SessionPlan

ROOT = Path(__file__).resolve().parents[3]
EXAMPLE = ROOT / "docs" / "examples" / "example-module"
STOCKHOLM = timezone(timedelta(hours=1))


def example_module() -> OpenModule:
    text = (EXAMPLE / "module.toml").read_text(encoding="utf-8")
    return OpenModule(Manifest.model_validate(tomllib.loads(text)), EXAMPLE)


def example_plan(minutes: int = 57) -> tuple[SessionPlan, dict[str, OpenModule]]:
    module = example_module()
    plan = plan_for([ModuleChoice(module.manifest, module.manifest.variant(minutes))])
    return plan, {module.manifest.id: module}


def open_storage() -> StorageGateway:
    paths = resolve_paths(portable=False)
    paths.ensure()
    storage = StorageGateway(InlineExecutor(), paths)
    storage.open()
    assert storage.is_open
    return storage


def fake_clock() -> FakeClock:
    return FakeClock(datetime(2026, 11, 24, 13, 0, tzinfo=STOCKHOLM))


def sessions(storage: StorageGateway, clock: FakeClock | None = None) -> Sessions:
    return Sessions(storage, clock or fake_clock())
