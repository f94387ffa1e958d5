"""One place that turns whatever stops a tool command into a plain Swedish sentence on standard
error and an exit code, so no command needs its own try/except for the common failures.

Exit codes: 0 all went well; 1 a problem with the input or the data (a file that is missing or
damaged, a database that cannot be opened, a pack that was refused, something unexpected);
2 a usage mistake (argparse exits with 2 by itself; `CommandFailed(..., USAGE)` for mistakes
found after parsing); 130 interrupted with Ctrl+C.

Something unexpected is written to the log file (the traceback's frames and the error's type,
never its text, which may carry what a person wrote) and told in one sentence naming the log.
"""

from __future__ import annotations

import errno
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from facilitator.core.i18n import _

PROBLEM = 1
USAGE = 2
INTERRUPTED = 130

log = logging.getLogger(__name__)


class CommandFailed(Exception):
    """A failure the command has already put into words for the person at the terminal."""

    def __init__(self, message: str, code: int = PROBLEM) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


def run_command(
    command: Callable[[], int], log_file: Callable[[], Path], err: TextIO | None = None
) -> int:
    """Run ``command`` and return its exit code; every exception ends as a message on
    ``err`` (standard error) and an exit code instead of a traceback."""
    err = err or sys.stderr
    try:
        return command()
    except CommandFailed as failure:
        message, code = failure.message, failure.code
    except KeyboardInterrupt:
        message, code = _("Avbrutet."), INTERRUPTED
    except Exception as error:  # the one place every failure is told
        message, code = explain(error) or _unexpected(error, log_file), PROBLEM
    print(message, file=err)
    return code


def explain(error: BaseException) -> str | None:
    """The sentence for a failure we know how to tell, or None for a surprise."""
    # Looked up only when already imported: a command that never opened the database
    # cannot have failed on it, and the imports stay out of every tool's start-up.
    storage = sys.modules.get("facilitator.core.storage.errors")
    if storage is not None:
        if isinstance(error, storage.StorageError | storage.DatabaseOpenError):
            return str(error.message)
        if isinstance(error, storage.SessionNotFound):
            return _("Ingen session med id {uuid} finns.").format(uuid=error.args[0])
    packs = sys.modules.get("facilitator.core.content.pack_format")
    if packs is not None and isinstance(error, packs.PackError):
        lines = [error.message, *("  " + problem.describe() for problem in error.problems)]
        return "\n".join(lines)
    if isinstance(error, OSError):
        return describe_os_error(error)
    return None


def describe_os_error(error: OSError) -> str:
    path = error.filename
    if path is None:
        return _("En fil kunde inte läsas eller skrivas ({reason}).").format(
            reason=error.strerror or type(error).__name__
        )
    code = error.errno
    if code == errno.ENOENT:
        text = _("{path} finns inte. Kontrollera sökvägen och försök igen.")
    elif code == errno.EISDIR:
        text = _("{path} är en mapp, inte en fil. Ange en fil.")
    elif code == errno.ENOTDIR:
        text = _("{path} går inte att använda: en del av sökvägen är en fil, inte en mapp.")
    elif code in (errno.EACCES, errno.EPERM, errno.EROFS):
        text = _(
            "{path} går inte att läsa eller skriva: den är skrivskyddad eller du saknar "
            "behörighet. Välj en annan plats eller be IT-stödet om hjälp."
        )
    elif code in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        text = _("Disken är full, så {path} kunde inte skrivas. Frigör utrymme och försök igen.")
    elif code == errno.ENAMETOOLONG:
        text = _("Sökvägen är för lång: {path}. Välj en kortare.")
    else:
        text = _("{path} kunde inte läsas eller skrivas ({reason}).")
    return text.format(path=path, reason=error.strerror or type(error).__name__)


def _unexpected(error: BaseException, log_file: Callable[[], Path]) -> str:
    kind = type(error).__name__
    try:
        from facilitator.core.logsetup import configure_logging, without_content

        file = log_file()
        configure_logging(file)
        log.error("unexpected error in a command: %s", without_content(error))
    except Exception:  # a log we cannot write must not hide the message
        return _(
            "Ett oväntat fel inträffade ({kind}) och kommandot avbröts. Loggfilen gick inte "
            "att skriva. Kontakta IT-stödet."
        ).format(kind=kind)
    return _(
        "Ett oväntat fel inträffade ({kind}) och kommandot avbröts. Detaljerna finns i "
        "loggfilen {log}; skicka den till IT-stödet."
    ).format(kind=kind, log=file)
