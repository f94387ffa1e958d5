"""The app's questions and dialogs, answered by keyboard.

There is no window manager on the desk: a new dialog gets the keyboard from the app itself,
but when it closes the keyboard goes nowhere, so `closed` gives it back to the console, as a
window manager would. Titles are regular expressions over bytes (see windows.py): write "."
or ".+" where a title has å, ä or ö."""

from __future__ import annotations

from tests.hands import focus, keys, windows
from tests.hands.app import App
from tests.hands.windows import Window

QUIT_TITLE = "^Sessionen p.+r$"  # "Sessionen pågår"
END_TITLE = "^Avsluta sessionen\\?$"
RESUME_TITLE = "^En session avbr.+ts$"  # "En session avbröts"
SAVE_SUMMARY_TITLE = "^Spara sammanfattningen$"
EXPORT_DONE_TITLE = "^Exporten .+r klar$"  # "Exporten är klar"


def known(app: App) -> set[str]:
    """The windows there are now, so that a new one can be told apart."""
    return {window.id for window in windows.find(app.desk, ".*")}


def appears(app: App, title: str) -> Window:
    """The dialog titled ``title``, once it is on screen, with the keyboard in it."""
    dialog = app.until(lambda: windows.one(app.desk, title), f"a window titled {title}")
    keys.focus(app.desk, dialog.id)
    return dialog


def new_windows(app: App, before: set[str]) -> list[str]:
    """The titles and places of the windows that came since ``before`` (not Qt's 1x1
    helper windows)."""
    return [
        f"{app.desk.run('xdotool', 'getwindowname', w.id, quiet_codes=(1,)).strip()} {w.box}"
        for w in windows.find(app.desk, ".*")
        if w.id not in before and w.box.width > 1 and w.box.height > 1
    ]


def closed(app: App, dialog: Window, console: Window) -> None:
    """Wait until ``dialog`` has gone, then give the keyboard back to the console."""
    app.until(lambda: dialog.id not in known(app), "the dialog to close")
    keys.focus(app.desk, console.id)


def choose_action(app: App, dialog: Window) -> None:
    """Answer a yes-or-no question (widgets/confirm.py) with its action, not its "Avbryt".
    "Avbryt" is the default and has the keyboard first; Tab moves it to the action, whose
    name ("Avsluta appen", "Avsluta sessionen") is the longer: its button is wider. Space
    presses the button with the keyboard."""
    safe = app.until(lambda: focus.frame(app, dialog), "the focus on the default button")
    action = focus.move(app, dialog)
    assert action.top == safe.top and action.width > safe.width, (
        f"Tab went from the default button ({safe}) to {action}, not to the wider action"
    )
    keys.press(app.desk, "space")
