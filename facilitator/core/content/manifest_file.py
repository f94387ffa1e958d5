"""Reading `module.toml` as text: the checks every reader needs (a regular file, not too
large, UTF-8), kept apart from the manifest models so the library's quick card read does not
import pydantic (decision 0004)."""

from __future__ import annotations

from pathlib import Path

from facilitator.core.content.problems import MANIFEST_FILE, Problem
from facilitator.core.i18n import _, ngettext

# A manifest is a few kB; anything near this is not a manifest and should not be read whole.
MAX_MANIFEST_BYTES = 1_000_000


def file_problem(found: str, expected: str, line: int | None = None) -> Problem:
    return Problem(MANIFEST_FILE, line, "", found, expected)


def read_manifest_text(folder: Path) -> tuple[str | None, Problem | None]:
    path = folder / MANIFEST_FILE
    try:
        if path.is_symlink() or not path.is_file():
            if path.exists() or path.is_symlink():
                return None, file_problem(
                    _("module.toml är inte en vanlig fil"), _("en vanlig textfil i modulmappen")
                )
            return None, file_problem(
                _("module.toml saknas"), _("varje modulmapp har en module.toml")
            )
        with path.open("rb") as handle:
            data = handle.read(MAX_MANIFEST_BYTES + 1)
    except OSError as error:
        return None, file_problem(
            _("filen kunde inte läsas ({reason})").format(reason=error.strerror or error),
            _("en läsbar fil"),
        )
    if len(data) > MAX_MANIFEST_BYTES:
        return None, file_problem(
            ngettext(
                "filen är större än {n} byte", "filen är större än {n} byte", MAX_MANIFEST_BYTES
            ).format(n=MAX_MANIFEST_BYTES),
            _("en manifestfil på några kilobyte"),
        )
    try:
        # Notepad on Windows may add a byte-order mark; it is harmless, so it is accepted.
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return None, file_problem(_("tecken som inte är UTF-8"), _("spara filen som UTF-8"), line)
