"""CSV files for Excel: one row per reflection, one row per step run.

Format choices, for the coordinator who double-clicks the file in a Swedish Excel:
* ``;`` between fields: Swedish Excel uses the comma as decimal sign, so it splits CSV on
  semicolons (the list separator of the Swedish locale); comma-separated files open as one
  column there.
* UTF-8 with a byte-order mark: without it Excel reads the file as Windows-1252 and å, ä, ö
  (and every Arabic or Ge'ez letter) come out garbled. Every CSV reader handles the mark
  (Python: ``encoding="utf-8-sig"``).
* Header names are fixed Swedish words, not translated, so a spreadsheet built on them keeps
  working whatever the app's language.
* A field starting with ``=``, ``+``, ``-``, ``@`` or a tab gets a leading ``'``: Excel would
  otherwise run it as a formula (a reflection "- mer tid" shows as an error, a crafted one
  could do worse). ``unguard`` takes it off again.
* No NUL or other control character reaches a cell (``clean_user_text``, the rule for all
  text a person typed): Excel and other readers stop or garble the row at one.
* A cell longer than Excel's 32,767 characters is cut, with a marker saying so (``fit_cell``).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import BinaryIO

from facilitator.core.export.formatting import iso_date
from facilitator.core.export.model import SessionExport, module_titles
from facilitator.core.i18n import ngettext
from facilitator.core.safe_write import write_file
from facilitator.core.user_text import clean_user_text

# Embeddings, overrides and isolates: a spreadsheet would obey them and show the cell (and
# what follows it) reversed or reordered, as the PDF, which drops them, does not. The
# directional marks (U+200E, U+200F, U+061C) stay: they only nudge neutral characters.
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")

DELIMITER = ";"
ENCODING = "utf-8-sig"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

REFLECTION_HEADER = (
    "session",
    "sessionstitel",
    "datum",
    "moduler",
    "steg",
    "stegtitel",
    "fråga",
    "typ",
    "typ_text",
    "text",
    "skapad",
    "ändrad",
    "reflektion",
    "källa",
)
STEP_HEADER = (
    "session",
    "sessionstitel",
    "datum",
    "ordning",
    "steg",
    "modul",
    "steg_id",
    "stegtitel",
    "stegtyp",
    "planerade_minuter",
    "faktiska_minuter",
    "planerade_sekunder",
    "faktiska_sekunder",
    "överhoppat",
)


# Excel holds at most 32,767 characters (UTF-16 units) in a cell and silently drops the rest
# when it opens the file, or spills it into the next rows. A longer cell is therefore cut
# here, visibly: the marker says that text is missing and how much. Cut, not split over
# several cells: every table has one column per field, and a row with extra columns would
# break a spreadsheet built on them. The whole text stays in the session archive (JSON) and
# the summary PDF.
EXCEL_CELL_LIMIT = 32_767


def cut_marker(count: int) -> str:
    return ngettext(
        "[… avkortad: {count} tecken till får inte plats i en Excel-cell]",
        "[… avkortad: {count} tecken till får inte plats i en Excel-cell]",
        count,
    ).format(count=count)


def cell(value: str) -> str:
    """A value as written into a cell: cleaned, guarded against formulas, cut to fit."""
    return fit_cell(guard(_BIDI_CONTROLS.sub("", clean_user_text(value))))


def fit_cell(value: str) -> str:
    if len(value) <= EXCEL_CELL_LIMIT // 2 or _units(value) <= EXCEL_CELL_LIMIT:
        return value
    # Room for the longest marker this cut can need: the count only gets smaller.
    room = EXCEL_CELL_LIMIT - _units(" " + cut_marker(len(value)))
    # Cut on UTF-16 units; a half surrogate pair at the end is dropped, not kept broken.
    kept = value.encode("utf-16-le")[: room * 2].decode("utf-16-le", errors="ignore")
    return f"{kept} {cut_marker(len(value) - len(kept))}"


def _units(value: str) -> int:
    """Length as Excel counts it: characters beyond U+FFFF (emoji) count twice."""
    return len(value) + sum(1 for char in value if ord(char) > 0xFFFF)


def guard(value: str) -> str:
    return f"'{value}" if value.startswith(_FORMULA_START) else value


def unguard(value: str) -> str:
    """The field as it was before ``guard``: for reading our own CSV back."""
    return value[1:] if value.startswith("'") and value[1:].startswith(_FORMULA_START) else value


def reflection_rows(session: SessionExport) -> list[list[str]]:
    rows = []
    for reflection in session.reflections:
        edited = reflection.edited_at
        rows.append(
            [
                session.uuid,
                session.title,
                iso_date(session.date),
                module_titles(session.modules),
                reflection.step_key,
                session.step_title(reflection.step_key),
                reflection.prompt_text,
                reflection.kind.value,
                reflection.kind.label,
                reflection.text,
                reflection.created_at.astimezone().strftime("%Y-%m-%d %H:%M:%S"),
                edited.astimezone().strftime("%Y-%m-%d %H:%M:%S") if edited else "",
                reflection.uuid,
                reflection.source.value,
            ]
        )
    return rows


def step_rows(session: SessionExport) -> list[list[str]]:
    rows = []
    for position, step in enumerate(session.steps, start=1):
        actual = step.actual_seconds
        rows.append(
            [
                session.uuid,
                session.title,
                iso_date(session.date),
                str(position),
                step.step_key,
                step.module_id,
                step.step_id,
                step.title,
                step.kind,
                str(round(step.planned_seconds / 60)),
                "" if actual is None else str(round(actual / 60)),
                str(step.planned_seconds),
                "" if actual is None else str(actual),
                "ja" if step.skipped else "nej",
            ]
        )
    return rows


def write_csv(target: Path, header: Sequence[str], rows: Iterable[Sequence[str]]) -> Path:
    """Write safely (``facilitator.core.safe_write``: a half-written file never replaces a
    good one, a planted link is never followed)."""

    def write(out: BinaryIO) -> None:
        handle = io.TextIOWrapper(out, encoding=ENCODING, newline="")
        writer = csv.writer(handle, delimiter=DELIMITER, lineterminator="\r\n")
        writer.writerow(header)
        for row in rows:
            writer.writerow([cell(value) for value in row])
        handle.flush()
        handle.detach()  # the handle stays open for write_file to sync and close

    return write_file(target, write)


# What follows the stem in the names of a session's two tables (the UI checks both are free).
SESSION_CSV_ENDINGS = ("-reflektioner.csv", "-steg.csv")


def write_session_csv(session: SessionExport, folder: Path, stem: str | None = None) -> list[Path]:
    """Two files in ``folder``: ``<stem>-reflektioner.csv`` and ``<stem>-steg.csv``."""
    stem = stem or export_stem(session)
    reflections, steps = (folder / f"{stem}{ending}" for ending in SESSION_CSV_ENDINGS)
    return [
        write_csv(reflections, REFLECTION_HEADER, reflection_rows(session)),
        write_csv(steps, STEP_HEADER, step_rows(session)),
    ]


def read_csv(path: Path) -> list[dict[str, str]]:
    """Our own CSV back as dicts (guards removed): for tests and for tools."""
    with path.open(encoding=ENCODING, newline="") as handle:
        reader = csv.DictReader(handle, delimiter=DELIMITER)
        return [{key: unguard(value) for key, value in row.items()} for row in reader]


def export_stem(session: SessionExport) -> str:
    """A file name a person recognises: date and title, safe on every file system."""
    safe = "".join(c if c.isalnum() or c in "-_" else "-" for c in session.title.strip())
    safe = "-".join(part for part in safe.split("-") if part)[:60] or "session"
    return f"{iso_date(session.date)}-{safe}"
