"""What stopping an export means: nothing was written. The protocol itself is the one for
all long work (``facilitator.core.work``)."""

from __future__ import annotations

from dataclasses import dataclass

from facilitator.core.i18n import _
from facilitator.core.work import IsCancelled, Progress, WorkCancelled
from facilitator.core.work import Steps as WorkSteps

__all__ = ["ExportCancelled", "IsCancelled", "Progress", "Steps"]


class ExportCancelled(WorkCancelled):
    """The export was cancelled; no output file was left behind."""

    def __init__(self) -> None:
        super().__init__(_("Exporten avbröts."))


@dataclass
class Steps(WorkSteps):
    stopped: type[WorkCancelled] = ExportCancelled
