"""A person taking a module alone in the real app, by keyboard on a real X display: the library's
"Gå igenom på egen hand", Alt+→/← between the steps, Tab into the answer box, typing, and the
logbook's PDF export (ui/self_study/*). Where they are and what was committed is read from the
SQLite file (read-only); what they see, from the screen's pixels: the focus frame, the "✓" that
the steps list puts before an answered step and the word under the answer box, which the app
shows together once the answer is committed (answer_box.py: "Sparat", then ``saved``)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from facilitator.core.content.loader import load_manifest
from facilitator.core.content.self_study_path import SelfStudyStep, self_study_steps
from facilitator.core.paths import bundled_modules_dir
from tests.hands import dialogs, focus, kept, keys, library, pixels
from tests.hands.app import App
from tests.hands.desk import Box
from tests.hands.windows import Window

MODULE = "grund-1-vad-ar-kultur"
MODULE_CARD = 2  # the library's second card (the first is the guide for the dialogue leader)
END = "klar"  # the place kept once the path is walked to "Klar" (self_study_flow.END)
SAVE_LOGBOOK_TITLE = "^Spara loggboken$"
# The frame is 3 px wide; inside it, only what the widget itself draws.
FRAME = 4
# Between two shots of one unchanged region the caret may blink: a line of about 2 x 20 pixels.
# One letter more or less, or a "✓", changes several times that.
CARET = 40


def path_steps() -> tuple[SelfStudyStep, ...]:
    """The steps of module 1 taken alone, as the app builds them from the bundled manifest."""
    folder = next(p for p in bundled_modules_dir().iterdir() if p.name.endswith(MODULE))
    manifest = load_manifest(folder).manifest
    assert manifest is not None, f"the bundled {MODULE} does not load"
    return tuple(self_study_steps(manifest))


# --- what the SQLite file holds (read-only) -----------------------------------------------------


def place(home: Path) -> str | None:
    found = kept.rows(
        home, "SELECT current_step_id FROM self_study_progress WHERE module_id = ?", MODULE
    )
    return found[0][0] if found else None


def answers(home: Path) -> dict[str, str]:
    return dict(
        kept.rows(home, "SELECT step_id, text FROM self_study_answers WHERE module_id = ?", MODULE)
    )


# --- what the screen shows ----------------------------------------------------------------------


def inside(box: Box) -> Box:
    return Box(box.left + FRAME, box.top + FRAME, box.width - 2 * FRAME, box.height - 2 * FRAME)


def changed(before: Image.Image, after: Image.Image) -> int:
    """How many pixels differ clearly between two shots of one region."""
    return round(pixels.changed_share(before, after) * before.width * before.height)


def same(before: Image.Image, after: Image.Image) -> bool:
    return changed(before, after) <= CARET


@dataclass(frozen=True)
class Seen:
    """One answer as the screen showed it once saved: the box it was typed in (the focus
    frame), what the box showed, and the word under it."""

    editor: Box
    shown: Image.Image
    word: Image.Image


@dataclass
class Study:
    """The self-study page of one app run."""

    app: App
    console: Window
    steps_list: Box

    def walk_to(self, step_id: str, key: str = "alt+Right") -> None:
        """Alt+→ (or ``key``) one step at a time until the page is at ``step_id``; each move
        is kept at once, so the file says where the page is."""
        for _ in range(len(path_steps()) + 2):
            if place(self.app.home) == step_id:
                return
            before = place(self.app.home)
            keys.press(self.app.desk, key)
            self._moved_from(before, key)
        raise AssertionError(f"{key} never reached {step_id} (at {place(self.app.home)})")

    def _moved_from(self, before: str | None, key: str) -> None:
        self.app.until(lambda: place(self.app.home) != before, f"the page to move on {key}")

    def into_answer_box(self) -> Box:
        """Tab until the keyboard is in the answer box (right of the steps list, wide)."""
        wide = self.console.box.width // 2
        for _ in range(4):
            now = focus.frame(self.app, self.console)
            right_of_list = (
                now is not None and now.left > self.steps_list.left + self.steps_list.width
            )
            if now is not None and right_of_list and now.width > wide:
                return now
            focus.move(self.app, self.console)
        raise AssertionError(f"Tab did not reach the answer box (focus at {now})")

    def answer(self, step_id: str, text: str) -> Seen:
        """Type ``text`` into the answer box and wait for what the person waits for: the word
        under the box, and the "✓" before the step in the list (both come when the answer is
        committed); and for the answer in the file, word for word."""
        editor = self.into_answer_box()
        steps_before = pixels.grab(self.app.desk, inside(self.steps_list))
        keys.type_text(self.app.desk, text)
        word_box = Box(editor.left, editor.top + editor.height, 160, 24)
        self.app.until(
            lambda: (
                pixels.changed_share(
                    steps_before, pixels.grab(self.app.desk, inside(self.steps_list))
                )
                > 0
            ),
            f"the ✓ before {step_id} in the steps list",
        )
        word = self.app.until(
            lambda: (
                (shot := pixels.grab(self.app.desk, word_box)) and pixels.has_text(shot) and shot
            ),
            "the word under the answer box",
        )
        assert answers(self.app.home).get(step_id) == text, (
            f"the screen says saved but the file holds {answers(self.app.home).get(step_id)!r}"
        )
        shown = pixels.grab(self.app.desk, inside(editor))
        assert pixels.has_text(shown), "the answer box shows nothing"
        return Seen(editor, shown, word)

    def shows(self, step_id: str, seen: Seen) -> None:
        """Wait until the answer box is where it was when ``seen`` and shows what it showed."""

        def as_then() -> bool:
            now = focus.frame(self.app, self.console)
            shown = pixels.grab(self.app.desk, inside(seen.editor))
            return now == seen.editor and same(seen.shown, shown)

        self.app.until(as_then, f"the answer to {step_id} shown as it was typed")


def open_alone(app: App) -> Study:
    """In the library: Tab to module 1's card, Space to choose it, Shift+Tab back to "Gå
    igenom på egen hand" (left of "Planera session" in the footer), Space. The page opens
    with the keyboard in its steps list (a tall frame at the left)."""
    console = library.wait_until_usable(app)
    keys.focus(app.desk, console.id)
    library.choose_module(app, console, MODULE_CARD)
    row = library.footer(console)
    middle = console.box.left + console.box.width // 2
    right = console.box.left + console.box.width
    # Back past the first card and "Planera session", the footer's last button (at its right
    # end): "Gå igenom på egen hand" is the one before it.
    focus.press_until(
        app,
        console,
        ["shift+Tab"] * (MODULE_CARD + 1),
        "Gå igenom på egen hand",
        lambda box: row.contains(box) and middle < box.left and box.left + box.width < right - 100,
    )
    keys.press(app.desk, "space")
    steps_list = app.until(
        lambda: (
            (now := focus.frame(app, console)) is not None
            and now.height > console.box.height // 2
            and now.left < console.box.left + console.box.width // 4
            and now
        ),
        "the self-study page with the keyboard in its steps list",
    )
    return Study(app, console, steps_list)


def export_logbook_pdf(app: App, console: Window, target: Path) -> None:
    """Arkiv → Min loggbok… (Alt+A, L); the page opens with the keyboard on "Exportera som
    PDF…" (top right): Space; in Qt's save dialog the whole path typed over the suggested
    name, Enter; "Exporten är klar" closed with Esc."""
    keys.press(app.desk, "alt+a")
    keys.press(app.desk, "l")
    button = app.until(
        lambda: (
            (now := focus.frame(app, console)) is not None
            and now.top < console.box.top + 120
            and now.left > console.box.left + console.box.width // 2
            and now
        ),
        "the logbook page with the keyboard on its PDF button",
    )
    pixels.keep(pixels.grab(app.desk, console.box), "self-study-logbook")
    assert button.height < 60
    keys.press(app.desk, "space")
    save = dialogs.appears(app, SAVE_LOGBOOK_TITLE)
    field = app.until(lambda: focus.frame(app, save), "the keyboard in the file name")
    assert field.width > save.box.width // 2, f"the keyboard is not in the file name: {field}"
    keys.press(app.desk, "ctrl+a")
    keys.type_text(app.desk, str(target))
    keys.press(app.desk, "Return")
    dialogs.closed(app, save, console)
    done = dialogs.appears(app, dialogs.EXPORT_DONE_TITLE)
    keys.press(app.desk, "Escape")
    dialogs.closed(app, done, console)
