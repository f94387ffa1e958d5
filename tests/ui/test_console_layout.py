"""The console keeps one calm layout on the small laptop screens leaders bring: it fits
1024×640 (1280×800 at 125 %), and a film's controls neither widen it nor squeeze the run
sheet (it grew from 1280 to 1354 px during a film, the run sheet a sliver)."""

from __future__ import annotations

from typing import Any

from facilitator.ui.widgets.reflection_panel import ReflectionPanel
from tests.ui.session_fixtures import build_session

SMALLEST = (1024, 640)
MENU_BAR = 30


def test_the_console_fits_the_smallest_laptop_screen_during_a_film(qtbot: Any) -> None:
    _m, _clock, _engine, console, _projector, rig, _cues = build_session(qtbot)
    console.reflection_layout.addWidget(ReflectionPanel())
    rig.start()
    before = console.minimumSizeHint()
    console.film_bar.show()
    console.film_position.setText(
        "1:23 / 3:25 · Kapitel: Vad menar vi med kultur, och vad menar de andra med den?"
    )
    during = console.minimumSizeHint()
    assert during.width() <= SMALLEST[0]
    assert during.height() <= SMALLEST[1] - MENU_BAR
    assert during.width() == before.width()  # the film's controls do not widen it


def test_the_run_sheet_keeps_its_width_at_1280_by_720(qtbot: Any) -> None:
    _m, _clock, _engine, console, _projector, rig, _cues = build_session(qtbot)
    console.reflection_layout.addWidget(ReflectionPanel())
    rig.start()
    console.resize(1280, 720 - MENU_BAR)
    console.film_bar.show()
    qtbot.waitUntil(lambda: console.plan_list.width() >= 160)
    assert console.width() == 1280
    assert console.plan_list.width() >= 160
