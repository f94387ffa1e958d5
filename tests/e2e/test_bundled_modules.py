"""The nine bundled modules: valid, every variant runs start to finish in the engine, and every
film decodes to the end with its subtitles through real libVLC."""

from __future__ import annotations

import itertools
import shutil
import subprocess
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget

from facilitator.core.clock import FakeClock
from facilitator.core.content.loader import load_manifest
from facilitator.core.content.manifest import EvaluationStep
from facilitator.core.content.media_probe import default_probe
from facilitator.core.content.validate import validate_module
from facilitator.core.content.variant_scope import questions_in
from facilitator.core.films.playback import SubtitleFile
from facilitator.core.planning import ModuleChoice, plan_for
from facilitator.core.session.engine import SessionEngine
from facilitator.core.session.status import SessionState
from facilitator.ui.video.vlc_player import VlcPlayer

ROOT = Path(__file__).resolve().parents[2]
MODULE_DIRS = sorted(p for p in (ROOT / "modules").iterdir() if (p / "module.toml").is_file())
IDS = [p.name[:2] for p in MODULE_DIRS]


def test_there_are_nine_modules() -> None:
    assert len(MODULE_DIRS) == 9


@pytest.mark.parametrize("folder", MODULE_DIRS, ids=IDS)
def test_module_validates_with_no_errors(folder: Path) -> None:
    report = validate_module(folder, default_probe())
    assert report.errors == (), [p.describe(folder) for p in report.errors]
    manifest = report.manifest
    assert manifest is not None
    assert manifest.title.en and manifest.summary.en
    assert {45, 75, 90} <= {v.minutes for v in manifest.variants}
    prompts = [s for s in manifest.steps if s.kind == "prompt"]
    assert 5 <= len(prompts) <= 8
    assert any(s.kind == "activity" for s in manifest.steps)
    assert any(s.kind == "reflection" for s in manifest.steps)
    evaluation = [s for s in manifest.steps if isinstance(s, EvaluationStep)]
    assert evaluation
    for variant in manifest.variants:
        # A short evaluation in every length: the questions a variant asks, not all it has.
        assert 3 <= len(questions_in(evaluation[0], variant.steps)) <= 6, variant.minutes
    words = len((folder / "texts" / "introduktion.md").read_text(encoding="utf-8").split())
    assert 600 <= words <= 1500


@pytest.mark.parametrize("folder", MODULE_DIRS, ids=IDS)
def test_every_variant_runs_start_to_finish(folder: Path) -> None:
    manifest = load_manifest(folder).manifest
    assert manifest is not None
    for variant in manifest.variants:
        plan = plan_for([ModuleChoice(manifest, variant)])
        clock = FakeClock(datetime(2026, 11, 24, 9, 0, tzinfo=timezone(timedelta(hours=1))))
        engine = SessionEngine(plan, clock)
        engine.start()
        steps = plan.active_steps
        for current, following in itertools.pairwise(steps):
            clock.advance(current.planned_minutes * 60)
            engine.next()
            assert engine.current_key == following.key
        clock.advance(steps[-1].planned_minutes * 60)
        status = engine.status()
        assert abs(status.behind_seconds) < 1
        assert round(status.session_elapsed_seconds / 60) == variant.minutes
        engine.end()
        assert engine.state == SessionState.ENDED


@pytest.mark.parametrize("folder", MODULE_DIRS, ids=IDS)
def test_film_decodes_to_the_end_with_subtitles(qtbot, folder: Path) -> None:
    film = folder / "film" / "film.mp4"
    # Every frame decodes (fast, not in real time) ...
    if shutil.which("ffmpeg"):
        result = subprocess.run(
            ["ffmpeg", "-v", "error", "-i", str(film), "-f", "null", "-"],
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0 and result.stderr.strip() == ""
    # ... and libVLC plays it with its subtitles and reaches the end.
    surface = QWidget()
    qtbot.addWidget(surface)
    player = VlcPlayer(video_output="dummy", audio_output="dummy")
    player.attach(surface)
    try:
        player.load(film, [SubtitleFile("sv", folder / "film" / "film.sv.vtt")])
        player.play()
        qtbot.waitUntil(
            lambda: (player.duration() or 0) > 60 and player.position() > 0, timeout=15_000
        )
        assert 120 <= (player.duration() or 0) <= 300  # 2–5 minutes
        qtbot.waitUntil(lambda: player.subtitle_track_count() >= 1, timeout=10_000)
        ended: list[bool] = []
        player.ended.connect(lambda: ended.append(True))
        player.seek((player.duration() or 0) - 1.5)
        qtbot.waitUntil(lambda: bool(ended), timeout=15_000)
    finally:
        player.release()
