"""Screenshots of projector cards from the bundled modules, every page, at two projector
sizes, to look at from the back of the room.

    .venv/bin/python -m tests.ui.shoot_projector [OUTPUT_DIR] [STEP_ID ...]

Without step ids: the "Fyra hörn" exercise, a closing card with Markdown, an evaluation, a
welcome text and a prompt. Files are named SIZE-MODULE-STEP-PAGE.png.
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
from facilitator.core.content.loader import load_manifest  # noqa: E402
from facilitator.core.presentation.cards import card_for_step, format_countdown  # noqa: E402
from facilitator.core.session.status import StepPhase  # noqa: E402
from facilitator.ui.projector.projector_view import ProjectorView  # noqa: E402

SIZES = ((1024, 768), (1920, 1080))
DEFAULT = {
    "04-fordjupning-4-kulturella-skillnader": ("fyra-horn",),
    "01-grund-1-vad-ar-kultur": ("avslutning", "utvardering", "valkommen", "isberget"),
}


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/tmp/projector-shots")
    wanted = set(sys.argv[2:])
    out.mkdir(parents=True, exist_ok=True)
    i18n.activate("sv", ROOT / "resources" / "locale")
    app = QApplication(sys.argv[:1])
    view = ProjectorView()
    view.show()
    for folder in sorted((ROOT / "modules").iterdir()):
        manifest = load_manifest(folder).manifest
        if manifest is None:
            continue
        for step in manifest.steps:
            if not (step.id in wanted if wanted else step.id in DEFAULT.get(folder.name, ())):
                continue
            card = card_for_step(step, step.minutes, manifest.title.get("sv"))
            for width, height in SIZES:
                view.resize(width, height)
                view.show_card(card)
                view.set_countdown(format_countdown(step.minutes * 60), StepPhase.NORMAL)
                app.processEvents()
                for page in range(view.page_count):
                    view.show_page(page)
                    app.processEvents()
                    name = f"{width}x{height}-{folder.name[:2]}-{step.id}-{page + 1}.png"
                    view.grab().save(str(out / name))
                    print(out / name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
