"""What the last start-up phase needs that is free of Qt, imported on a worker thread while the
library is already usable (decision 0004): pydantic's manifest models and the application
layer. Imported here, the GUI thread finds them loaded when it assembles the parts."""

# Importing is the whole point of this module.
# ruff: noqa: PLC0415, F401

from __future__ import annotations


def import_services() -> None:
    """Phase three's Qt-free imports (pydantic's manifest models, the services), on a worker.
    Nothing here may touch PySide6: shiboken is not safe to wrap types from two threads at once
    (decision 0004)."""
    import facilitator.core.application.housekeeping
    import facilitator.core.application.services
    import facilitator.core.export.gather
    import facilitator.core.presentation.cards
