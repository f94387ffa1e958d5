"""Issue 19's end-to-end test: module 1 taken alone in the real app process on a real X server,
driven only by X key presses. Three answers typed, each waited for until the screen shows it
saved; SIGKILL right after the third; the app started again opens the path at the same step
with the three answers in their boxes (on screen and in the SQLite file); the path finished,
the logbook exported as PDF through Arkiv → Min loggbok… and read back (pypdf, pdftoppm).

"Sparat" itself is one word under the answer box and there is no text reader on the desk, so
the test waits for what comes with it (answer_box.py: the word, then ``saved``, which puts the
"✓" before the step in the list): the list changes, the word is there, and the file holds the
answer. The words are compared with each other: all three are drawn alike."""

from __future__ import annotations

import os
import signal
import subprocess
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pypdf
import pytest
from PIL import Image, ImageStat

from facilitator.core.export.formatting import long_date
from tests.e2e import self_study_walk as walk
from tests.hands import pixels
from tests.hands.app import launched
from tests.hands.desk import Desk, desk_or_skip

pytestmark = [pytest.mark.xvfb, pytest.mark.hands]

# Lower-case Swedish only: see tests/hands/keys.py.
TYPED = {
    "ordet-kultur": "mat, sprak och högtider. maten syns, reglerna inte.",
    "larde-mig": "att ta av mig skorna i hallen. jag lärde mig det hemma.",
    "forandring": "vi säger du till chefen i dag, inte ni.",
}
# Below this grey level (0..255) a pixel of the rendered PDF is text, not paper.
TEXT_DARK = 100


@pytest.fixture
def desk() -> Iterator[Desk]:
    with desk_or_skip() as running:
        yield running


def test_module_1_alone_killed_after_three_answers_resumes_and_exports_the_logbook(
    desk: Desk, tmp_path: Path
) -> None:
    home = tmp_path / "app"
    steps = {step.step_id: step for step in walk.path_steps()}
    assert set(TYPED) <= {s for s, step in steps.items() if step.question}
    started = datetime.now(UTC)

    # --- first run: three answers, killed right after the third is saved ------------------
    seen: dict[str, walk.Seen] = {}
    with launched(desk, home) as app:
        study = walk.open_alone(app)
        for step_id, text in TYPED.items():
            study.walk_to(step_id)
            seen[step_id] = study.answer(step_id, text)
        steps_list = pixels.grab(desk, walk.inside(study.steps_list))
        pixels.keep(pixels.grab(desk, study.console.box), "self-study-third-saved")
        os.kill(app.proc.pid, signal.SIGKILL)
        app.proc.wait(timeout=10)
    assert app.proc.returncode == -signal.SIGKILL
    first = seen["ordet-kultur"].word
    assert all(walk.same(first, s.word) for s in seen.values()), "not the same word each time"
    assert walk.answers(home) == TYPED
    last = list(TYPED)[-1]
    assert walk.place(home) == last

    # --- second run: the same step, the answers in their boxes; then to the end -----------
    target = tmp_path / "export" / "min-loggbok.pdf"
    target.parent.mkdir()
    with launched(desk, home) as again:
        study = walk.open_alone(again)
        again.until(
            lambda: walk.same(steps_list, pixels.grab(desk, walk.inside(study.steps_list))),
            "the steps list as it was: the same step chosen, the three ✓",
        )
        assert walk.place(home) == last
        study.into_answer_box()
        pixels.keep(pixels.grab(desk, study.console.box), "self-study-resumed")
        for step_id in reversed(TYPED):
            study.walk_to(step_id, "alt+Left")
            study.shows(step_id, seen[step_id])
        study.walk_to(walk.END)
        pixels.keep(pixels.grab(desk, study.console.box), "self-study-done")
        walk.export_logbook_pdf(again, study.console, target)
    assert walk.answers(home) == TYPED, "an answer changed on the way"

    # --- the PDF, read back ----------------------------------------------------------------
    text = " ".join(
        (page.extract_text() or "").replace("\u00ad", "") for page in pypdf.PdfReader(target).pages
    )
    flat = " ".join(text.split())
    for step_id, answer in TYPED.items():
        assert answer in flat, f"the answer to {step_id} is not in the PDF"
        question = steps[step_id].question or ""
        assert " ".join(question.split()) in flat, f"the question of {step_id} is not in the PDF"
    dates = {long_date(started), long_date(datetime.now(UTC))}
    assert any(date in flat for date in dates), f"no date like {dates} in the PDF"

    subprocess.run(
        ["pdftoppm", "-r", "50", "-f", "1", "-l", "1", "-png", str(target), str(tmp_path / "p")],
        check=True,
        timeout=30,
    )
    (page_one,) = tmp_path.glob("p-*.png")
    with Image.open(page_one) as image:
        grey = image.convert("L")
        assert ImageStat.Stat(grey).stddev[0] > 5, "page 1 is blank"
        dark = sum(grey.histogram()[:TEXT_DARK]) / (grey.width * grey.height)
        pixels.keep(image, "self-study-logbook-page-1")
    assert dark > 0.002, f"page 1 has almost no dark text pixels ({dark:.4f})"
