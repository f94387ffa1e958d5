"""The drawings a module's Markdown can ask for with a ``figure <name>`` fence, one label per
line. Known here, without any drawing code, so the validator and the screen can name them;
the PDF draws them (``core.export.figures``)."""

from __future__ import annotations

from dataclasses import dataclass

from facilitator.core.i18n import N_, _


@dataclass(frozen=True)
class FigureKind:
    name: str
    title: str
    """What the drawing is, in Swedish (untranslated; ``label`` translates it)."""
    min_labels: int
    max_labels: int

    @property
    def label(self) -> str:
        return _(self.title)

    def accepts(self, count: int) -> bool:
        return self.min_labels <= count <= self.max_labels


FIGURES = {
    "iceberg": FigureKind("iceberg", N_("isberg"), 2, 2),
    "rings": FigureKind("rings", N_("ringar"), 2, 6),
}

FIGURE_INFO = "figure"
"""The fence's info string starts with this word, then the figure's name."""


def figure_caption(name: str, labels: tuple[str, ...]) -> str:
    """The figure as one line of words, for a screen that does not draw it."""
    kind = FIGURES.get(name)
    what = kind.label if kind is not None else name
    return _("[Bild: {what} – {labels}]").format(what=what, labels=" / ".join(labels))
