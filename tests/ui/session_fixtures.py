"""A session on real content (the documented example module), a fake clock, a real SQLite
file behind the storage gateway (run inline), and the real console and projector widgets."""

from __future__ import annotations

import tomllib
from datetime import datetime, timedelta, timezone
from pathlib import Path

from facilitator.core.clock import FakeClock
from facilitator.core.content.manifest import Manifest
from facilitator.core.planning import ModuleChoice, OpenModule, plan_for
from facilitator.core.session.engine import SessionEngine
from facilitator.ui.console.console_page import ConsolePage
from facilitator.ui.projector.projector_view import ProjectorView
from tests.session_rig import SessionRig

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "docs" / "examples" / "example-module" / "module.toml"
STOCKHOLM = timezone(timedelta(hours=1))


def example_manifest() -> Manifest:
    return Manifest.model_validate(tomllib.loads(EXAMPLE.read_text(encoding="utf-8")))


def build_session(qtbot, minutes: int = 57):
    manifest = example_manifest()
    plan = plan_for([ModuleChoice(manifest, manifest.variant(minutes))])
    clock = FakeClock(datetime(2026, 11, 24, 13, 0, tzinfo=STOCKHOLM))
    engine = SessionEngine(plan, clock)
    modules = {manifest.id: OpenModule(manifest, EXAMPLE.parent)}
    console = ConsolePage()
    projector = ProjectorView()
    preview = ProjectorView()
    console.preview_layout.addWidget(preview)
    qtbot.addWidget(console)
    qtbot.addWidget(projector)
    cues: list[int] = []
    rig = SessionRig(
        engine, modules, console, [projector, preview], play_cue=lambda: cues.append(1)
    )
    projector.resize(1920, 1080)
    projector.show()
    console.resize(1280, 800)
    console.show()
    console.activateWindow()
    qtbot.waitUntil(console.isActiveWindow)
    return manifest, clock, engine, console, projector, rig, cues
