"""What the room sees: pure data for the projector view, built from content and session state.
A card has no field for leader notes, so they cannot reach the projector by accident."""
