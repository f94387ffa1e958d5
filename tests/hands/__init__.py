"""Real keys, real pixels: the app as a separate process on a two-monitor X server, driven only
with X input (xdotool) and judged only by what the room sees (the projector monitor's pixels)
and what was kept (the SQLite file, read-only).

Run: `PYTHONPATH=. .venv/bin/python -m pytest tests/hands -q` (or `-m hands` from the whole
suite). Needs Xvfb, xrandr and xdotool (`make test` installs them); skipped without. Shots the
tests take go to /tmp/hands-shots/ (or $HANDS_SHOTS), among them the whole desk whenever a
wait gives up.

Helpers, one job each: desk (the X server), app (the app's process), keys (X key presses),
windows (top-level windows by title), dialogs (questions answered by keyboard), focus (the
focus frame), pixels and room (the projector judged), film (a film step judged), kept (the
database, read-only), waiting (deadlines), and leader, library, run_sheet, entry, closeout (a
leader's ways through the pages)."""
