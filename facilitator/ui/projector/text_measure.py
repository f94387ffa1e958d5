"""The projector's fonts per text role, and how tall a text is in them: the ``TextMeasure``
the Qt-free card layout is given. It measures with a label set up exactly like the ones
that show the text, so what was measured is what is drawn."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel

from facilitator.core.presentation.card_layout import RICH_ROLES, TextRole

_STRONG = frozenset({TextRole.HEADING, TextRole.PROMPT, TextRole.COUNTDOWN})


def role_font(base: QFont, role: TextRole, pixel_size: int) -> QFont:
    font = QFont(base)
    font.setPixelSize(max(1, pixel_size))
    font.setWeight(QFont.Weight.DemiBold if role in _STRONG else QFont.Weight.Normal)
    return font


def set_up_label(label: QLabel, role: TextRole) -> None:
    """What a label needs to show ``role``'s text as measured."""
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText if role in RICH_ROLES else Qt.TextFormat.PlainText)
    # Rich text never becomes a link or an image here (core.markdown.html writes neither);
    # this keeps it so if that ever changes.
    label.setOpenExternalLinks(False)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)


class TextMeasurer:
    """Heights of texts at a width, from a label that is never shown."""

    def __init__(self, base: QFont) -> None:
        self._base = base
        self._labels: dict[TextRole, QLabel] = {}

    def __call__(self, role: TextRole, text: str, pixel_size: int, width: int) -> int:
        label = self._labels.get(role)
        if label is None:
            label = QLabel()
            set_up_label(label, role)
            self._labels[role] = label
        label.setFont(role_font(self._base, role, pixel_size))
        label.setText(text)
        return label.heightForWidth(width)
