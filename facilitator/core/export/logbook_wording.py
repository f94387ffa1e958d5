"""The words around the answers in a logbook export, the same in the PDF and the Markdown:
its title, the facts on its cover, the line saying when an answer was written."""

from __future__ import annotations

from facilitator.core.export.formatting import long_date
from facilitator.core.export.logbook_model import Logbook, was_edited
from facilitator.core.i18n import _
from facilitator.core.storage.self_study_records import Answer


def logbook_title(logbook: Logbook) -> str:
    return logbook.title or _("Min loggbok")


def logbook_subject() -> str:
    return _("Personlig loggbok från självstudier")


def cover_facts(logbook: Logbook) -> list[tuple[str, str]]:
    """Label and value pairs: whose it is, when the answers were written, when exported."""
    rows: list[tuple[str, str]] = []
    if logbook.owner.strip():
        rows.append((_("Tillhör"), logbook.owner.strip()))
    first, last = logbook.first_written, logbook.last_written
    if first is not None and last is not None:
        start, end = long_date(first), long_date(last)
        rows.append((_("Svaren skrevs"), start if start == end else f"{start} – {end}"))
    rows.append((_("Exporterad"), long_date(logbook.generated_at)))
    return rows


def written_line(answer: Answer) -> str:
    """ "Skrivet 3 december 2026, ändrat 5 december 2026" """
    written = long_date(answer.answered_at)
    if was_edited(answer):
        return _("Skrivet {written}, ändrat {changed}").format(
            written=written, changed=long_date(answer.updated_at)
        )
    return _("Skrivet {written}").format(written=written)


def version_line(version: str) -> str:
    return _("Modulversion {version}").format(version=version)


def empty_text() -> str:
    return _("Loggboken har inga svar ännu.")


def answer_paragraphs(text: str) -> list[str]:
    """The paragraphs of an answer as typed: split at blank lines, line breaks inside a
    paragraph kept, trailing spaces dropped."""
    paragraphs: list[str] = []
    lines: list[str] = []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if line.strip():
            lines.append(line.rstrip())
        elif lines:
            paragraphs.append("\n".join(lines))
            lines = []
    if lines:
        paragraphs.append("\n".join(lines))
    return paragraphs


def no_answer_text() -> str:
    return _("Inget svar skrivet.")
