"""Real keys, real pixels: the app as a separate process on a two-monitor X server, driven only
with X input (xdotool) and judged only by what the room sees (the projector monitor's pixels)
and what was kept (the SQLite file, read-only).

Run: `PYTHONPATH=. .venv/bin/python -m pytest tests/hands -q` (or `-m hands` from the whole
suite). Needs Xvfb, xrandr and xdotool (`make test` installs them); skipped without. Shots the
tests take go to /tmp/hands-shots/, among them the whole desk whenever a wait gives up."""
