"""Real keys, real pixels: the app as a separate process on a two-monitor X server, driven only
with X input (xdotool) and judged only by what the room sees (the projector monitor's pixels)
and what was kept (the SQLite file, read-only)."""
