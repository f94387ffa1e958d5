"""The summary's sections about the modules: the learning goals the session's variant can
claim, after the first page's facts, and the sources, last (PDF; the HTML twin writes the same
with ``about_parts``)."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph

from facilitator.core.export.blocks import bullet, gap, label_markup, para
from facilitator.core.export.model import SessionExport
from facilitator.core.export.module_about import about_parts
from facilitator.core.export.styles import styles
from facilitator.core.i18n import _


def _section(heading: str, parts: list[tuple[str | None, tuple[str, ...]]]) -> list[Flowable]:
    if not parts:
        return []
    s = styles()
    out: list[Flowable] = [CondPageBreak(30 * mm), Paragraph(label_markup(heading), s.h1)]
    for title, items in parts:
        if title is not None:
            out.append(para(title, "h2"))
        out += [bullet(item) for item in items]
    return [*out, gap(6)]


def goals_section(session: SessionExport) -> list[Flowable]:
    return _section(_("Lärandemål"), about_parts(session, lambda about: about.goals))


def sources_section(session: SessionExport) -> list[Flowable]:
    return _section(_("Källor"), about_parts(session, lambda about: about.sources))
