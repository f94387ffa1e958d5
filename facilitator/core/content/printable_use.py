"""Which sessions use a printable: one rule for the handout, the signs and the module page."""

from __future__ import annotations

from collections.abc import Collection

from facilitator.core.content.manifest import ActivityStep, Manifest


def in_session(manifest: Manifest, file: str, steps: Collection[str] | None) -> bool:
    """Whether a session with ``steps`` (None: any length) uses ``file``: a page no step names
    belongs to the whole module; one that steps name, only where one of them runs."""
    if steps is None:
        return True
    naming = [s.id for s in manifest.steps if isinstance(s, ActivityStep) and file in s.printables]
    return not naming or any(step_id in steps for step_id in naming)
