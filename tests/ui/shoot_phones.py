"""Screenshots of the phones on the projector and in the console (issue 20): a prompt of a
bundled module with the join panel at 1920×1080, and the console with two answers waiting.

    .venv/bin/python -m tests.ui.shoot_phones [OUTPUT_DIR]

Writes projector-phones.png and console-phones.png (docs/screenshots by default).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={ROOT / 'tests' / 'screens.json'}"
os.environ.setdefault("FACILITATOR_HOME", tempfile.mkdtemp(prefix="facilitator-shots-"))

from PySide6.QtWidgets import QApplication  # noqa: E402

from facilitator.core import i18n  # noqa: E402
from facilitator.core.application.settings_service import SettingsService  # noqa: E402
from facilitator.core.clock import FakeClock  # noqa: E402
from facilitator.core.content.loader import load_manifest  # noqa: E402
from facilitator.core.content.manifest import PromptStep  # noqa: E402
from facilitator.core.planning import ModuleChoice, OpenModule, plan_for  # noqa: E402
from facilitator.core.presentation.cards import (  # noqa: E402
    CardKind,
    card_for_step,
    format_countdown,
    with_join,
)
from facilitator.core.presentation.join import join_panel  # noqa: E402
from facilitator.core.session.engine import SessionEngine  # noqa: E402
from facilitator.core.session.status import StepPhase  # noqa: E402
from facilitator.core.settings import Settings, SettingsStore  # noqa: E402
from facilitator.ui.console.console_page import ConsolePage  # noqa: E402
from facilitator.ui.console.phones_controller import PhonesController  # noqa: E402
from facilitator.ui.projector.projector_view import ProjectorView  # noqa: E402
from tests.session_rig import SessionRig  # noqa: E402
from tests.ui.phone_room_stand_in import START, Room  # noqa: E402

MODULE = ROOT / "modules" / "01-grund-1-vad-ar-kultur"
ADDRESS = "http://192.168.1.23:8765/"


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    i18n.activate("sv", ROOT / "resources" / "locale")
    app = QApplication(sys.argv[:1])
    manifest = load_manifest(MODULE).manifest
    assert manifest is not None
    step = next(step for step in manifest.steps if isinstance(step, PromptStep))
    card = card_for_step(step, step.minutes, manifest.title.get("sv"))
    view = ProjectorView()
    view.resize(1920, 1080)
    view.show()
    view.show_card(with_join(card, join_panel(ADDRESS, Room.room_code)))
    view.set_countdown(format_countdown(step.minutes * 60), StepPhase.NORMAL)
    app.processEvents()
    view.grab().save(str(out / "projector-phones.png"))

    engine = SessionEngine(
        plan_for([ModuleChoice(manifest, manifest.variant(90))]), FakeClock(START)
    )
    console, preview = ConsolePage(), ProjectorView()
    console.preview_layout.addWidget(preview)
    settings = SettingsService(
        SettingsStore(Path(tempfile.mkdtemp()) / "settings.toml"), Settings(phones_on=True)
    )
    room = Room()
    rigs: list[SessionRig] = []
    phones = PhonesController(
        settings,
        console,
        room,
        lambda: ADDRESS,
        current_step=lambda: engine.current_key,
        projector_changed=lambda: rigs[0].controller.show_again() if rigs else None,
    )
    rig = SessionRig(
        engine,
        {manifest.id: OpenModule(manifest, MODULE)},
        console,
        [preview],
        dress=phones.dress,
    )
    rigs.append(rig)
    rig.start()
    while preview.card.kind is not CardKind.PROMPT:
        engine.next()
        rig.refresh()
    room.question_text = step.question
    room.arrive(
        engine.current_key or "",
        "Att man hälsar olika – hos oss kramas man, hemma tog man i hand.",
        "<b>Tid</b> – vad som räknas som att komma i tid.",
    )
    console.resize(1280, 800)
    console.show()
    app.processEvents()
    console.grab().save(str(out / "console-phones.png"))
    rig.end()
    return 0


if __name__ == "__main__":
    sys.exit(main())
