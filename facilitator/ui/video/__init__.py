"""Playing films with libVLC, and what the rest of the UI needs to know about it."""
