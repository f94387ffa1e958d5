"""The close of a session by keyboard: Ctrl+E, the attendance counts, the evaluation counts,
the page before everyone leaves and the summary PDF (ui/console/closeout_pages.py).

Each page puts the keyboard in its first field, so the focus frame tells the pages apart: a
count field (about 76x44) high on the page, or on the last page the "Exportera
sammanfattning" button in the bottom row."""

from __future__ import annotations

from pathlib import Path

from tests.hands import dialogs, focus, kept, keys, pixels
from tests.hands.app import App
from tests.hands.desk import Box
from tests.hands.windows import Window

COUNT_FIELD_WIDTH = (60, 100)
COUNT_FIELD_HEIGHT = (30, 60)
# The evaluation page's first count is in the console's left quarter; the attendance page's
# is about 40 % across (measured at 1920 wide: x 92 and x 799).
EVALUATION_FIRST_LEFT_OF = 0.25


def is_count_field(box: Box) -> bool:
    return (
        COUNT_FIELD_WIDTH[0] <= box.width <= COUNT_FIELD_WIDTH[1]
        and COUNT_FIELD_HEIGHT[0] <= box.height <= COUNT_FIELD_HEIGHT[1]
    )


def first_count_field(app: App, console: Window, page: str, left_of: float = 1.0) -> Box:
    """The focus on a count field in the page's top quarter: the page's first count. With
    ``left_of`` (a share of the console's width), only a field left of that counts."""
    return app.until(
        lambda: (
            (now := focus.frame(app, console)) is not None
            and is_count_field(now)
            and now.top < console.box.top + console.box.height // 4
            and now.left < console.box.left + console.box.width * left_of
            and now
        ),
        f"the keyboard in the first count of the {page} page",
    )


def end_by_keyboard(app: App, console: Window) -> Box:
    """Ctrl+E, and "Avsluta sessionen" in the question that follows; the attendance page."""
    keys.press(app.desk, "ctrl+e")
    question = dialogs.appears(app, dialogs.END_TITLE)
    dialogs.choose_action(app, question)
    dialogs.closed(app, question, console)
    return attendance_page(app, console)


def attendance_page(app: App, console: Window) -> Box:
    """The session has ended, the projector has gone, the attendance page has the keyboard."""
    app.until(lambda: kept.session_status(app.home) == "finished", "the session finished")
    app.until(lambda: app.projector() is None, "the projector window to close")
    return first_count_field(app, console, "attendance")


def type_counts(app: App, console: Window, *counts: int) -> None:
    """Type each count into a field and Tab to the next, from the field with the keyboard."""
    for index, count in enumerate(counts):
        if index:
            focus.move(app, console)
        type_count(app, console, count)


def type_count(app: App, console: Window, count: int) -> None:
    field = focus.frame(app, console)
    assert field is not None and is_count_field(field), f"not a count field: {field}"
    before = pixels.grab(app.desk, field)
    keys.type_text(app.desk, str(count))
    app.until(
        lambda: pixels.changed_share(before, pixels.grab(app.desk, field)) > 0,
        f"{count} in the count field",
    )


def save_page(app: App) -> None:
    """Ctrl+Enter: "Spara" on the attendance and the evaluation pages."""
    keys.press(app.desk, "ctrl+Return")


def evaluation_page(app: App, console: Window) -> Box:
    """The evaluation page, once it has replaced the attendance page. Both put the keyboard in
    a count field high on the page, so the place tells them apart: the attendance page's first
    count sits at the right of its left-hand box (near the middle of the console), the
    evaluation's at the page's left edge, under its first answer."""
    return first_count_field(app, console, "evaluation", left_of=EVALUATION_FIRST_LEFT_OF)


def last_page(app: App, console: Window) -> Box:
    """The page before everyone leaves: the keyboard on "Exportera sammanfattning", a wide
    button in the bottom row."""
    return app.until(
        lambda: (
            (now := focus.frame(app, console)) is not None
            and now.top > console.box.top + console.box.height * 4 // 5
            and now.width > 2 * COUNT_FIELD_WIDTH[1]
            and now
        ),
        "the keyboard on the export button of the last page",
    )


def export_summary(app: App, console: Window, target: Path) -> None:
    """Space on "Exportera sammanfattning"; in Qt's own save dialog, the whole path typed over
    the suggested name, Enter; the app's "Exporten är klar" closed with Esc."""
    keys.press(app.desk, "space")
    save = dialogs.appears(app, dialogs.SAVE_SUMMARY_TITLE)
    field = app.until(lambda: focus.frame(app, save), "the keyboard in the file name")
    assert field.width > save.box.width // 2, f"the keyboard is not in the file name: {field}"
    keys.press(app.desk, "ctrl+a")
    keys.type_text(app.desk, str(target))
    pixels.keep(pixels.grab(app.desk, save.box), "closeout-save-dialog")
    keys.press(app.desk, "Return")
    dialogs.closed(app, save, console)
    done = dialogs.appears(app, dialogs.EXPORT_DONE_TITLE)
    pixels.keep(pixels.grab(app.desk, done.box), "closeout-export-done")
    keys.press(app.desk, "Escape")
    dialogs.closed(app, done, console)
