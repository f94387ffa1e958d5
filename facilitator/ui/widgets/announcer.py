"""Telling a screen reader what changed where nothing takes focus: the step moved on, the last
minute began, the time ran out, a save failed (EN 301 549 11.4.1.3 / WCAG 4.1.3, status
messages).

Qt sends an announcement event to the platform's accessibility bridge (AT-SPI on Linux, UI
Automation on Windows, NSAccessibility on macOS), which a screen reader speaks without moving
the leader's focus. Where no assistive technology is running, Qt drops the event at once.
"""

from __future__ import annotations

from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QWidget

KEPT = 20


class Announcer:
    def __init__(self, source: QWidget) -> None:
        self._source = source
        self.said: list[str] = []
        """The latest announcements, newest last (what a test, or a curious leader, reads)."""

    def say(self, message: str, *, urgent: bool = False) -> None:
        """``urgent`` interrupts what the screen reader is saying (a failed save, time up);
        otherwise it waits its turn (a new step)."""
        if not message:
            return
        self.said.append(message)
        del self.said[:-KEPT]
        event = QAccessibleAnnouncementEvent(self._source, message)
        politeness = QAccessible.AnnouncementPoliteness
        event.setPoliteness(politeness.Assertive if urgent else politeness.Polite)
        QAccessible.updateAccessibility(event)
