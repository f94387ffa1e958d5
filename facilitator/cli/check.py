"""`facilitator check [MODULE_ID …] [--all]`: the pre-session check on the command line.

Prints one line per check (✓ OK / ✗ FEL, what was checked and what was found, and for a
failure what to do), then a one-line verdict. Exit code 0 only when every check passed, 1 when
any failed, 2 for a usage mistake. Runs without a display: Qt then uses its offscreen platform.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path
from typing import Any, TextIO

from facilitator.core.i18n import _
from facilitator.core.logsetup import configure_logging

DEFAULT_OUTPUT = "dummy"


def _output(value: str) -> str | None:
    """`auto` lets libVLC choose its output (the film shows in a window of its own)."""
    return None if value == "auto" else value


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    check: argparse.ArgumentParser = subparsers.add_parser(
        "check",
        help=_("kontrollera datorn före en session: VLC, filmer, skärmar, ljud och datamapp"),
        description=_(
            "Kontrollerar VLC, provspelar de första sekunderna av varje film med undertexter, "
            "visar skärmarna och kontrollerar ljudutgången, datamappen, diskutrymmet, "
            "typsnitten och modulerna. Slutkoden är 0 bara när allt gick igenom."
        ),
    )
    check.add_argument(
        "modules",
        nargs="*",
        metavar=_("MODUL_ID"),
        help=_("modulerna som ska kontrolleras (standard: alla i biblioteket)"),
    )
    check.add_argument(
        "--all", action="store_true", help=_("kontrollera alla moduler i biblioteket")
    )
    check.add_argument(
        "--portable", action="store_true", help=_("använd data i facilitator-data/ bredvid appen")
    )
    check.add_argument(
        "--video-output",
        default=DEFAULT_OUTPUT,
        metavar=_("NAMN"),
        help=_("VLC:s bildutgång vid provspelningen; auto visar filmen (standard: dummy)"),
    )
    check.add_argument(
        "--audio-output",
        default=DEFAULT_OUTPUT,
        metavar=_("NAMN"),
        help=_("VLC:s ljudutgång vid provspelningen; auto hörs (standard: dummy)"),
    )
    check.add_argument(
        "--timeout",
        type=float,
        default=10.0,
        metavar=_("SEKUNDER"),
        help=_("hur länge en film får ta på sig att starta (standard: 10)"),
    )
    check.set_defaults(handler=run_check)
    return check


def _ensure_qt() -> Any:
    """A QApplication for the screens and the player's signals; offscreen when there is no
    display to show anything on (a terminal over ssh, CI)."""
    from PySide6.QtWidgets import QApplication

    existing = QApplication.instance()
    if existing is not None:
        return existing
    no_display = not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    unix = not sys.platform.startswith(("win", "darwin"))
    if unix and no_display and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    return QApplication([sys.argv[0] if sys.argv else "facilitator"])


def _log_to_file(log_file: Path) -> None:
    """Warnings (VLC missing, a film that fails) go to the app's log file, not the screen:
    the list already says them in plain words."""
    try:
        configure_logging(log_file)
    except OSError:
        logging.getLogger().addHandler(logging.NullHandler())


def _marks(out: TextIO) -> tuple[str, str]:
    passed, failed = "✓ " + _("OK "), "✗ " + _("FEL")
    try:
        (passed + failed).encode(getattr(out, "encoding", None) or "utf-8")
    except (UnicodeEncodeError, LookupError):
        return _("OK "), _("FEL")
    return passed, failed


def run_check(args: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    if args.all and args.modules:
        print(_("Ange antingen modul-id eller --all, inte båda."), file=sys.stderr)
        return 2
    if args.timeout <= 0:
        print(_("--timeout ska vara ett positivt antal sekunder."), file=sys.stderr)
        return 2
    from facilitator.core.paths import resolve_paths
    from facilitator.core.precheck.system import CheckItem, all_passed, verdict
    from facilitator.ui.precheck.source import PrecheckSource

    paths = resolve_paths(portable=args.portable)
    _log_to_file(paths.log_file)
    _app = _ensure_qt()
    passed, failed = _marks(out)
    indent = " " * (len(passed) + 1)

    def show(item: CheckItem) -> None:
        print(f"{passed if item.ok else failed} {item.name} – {item.detail}", file=out)
        if item.fix and not item.ok:
            print(indent + _("Gör så här: {fix}").format(fix=item.fix), file=out)
        out.flush()

    source = PrecheckSource(
        paths,
        module_ids=() if args.all else tuple(args.modules),
        video_output=_output(args.video_output),
        audio_output=_output(args.audio_output),
        film_timeout_ms=round(args.timeout * 1000),
    )
    print(_("Kontroll före sessionen"), file=out)
    items = source.run(show)
    print(verdict(items), file=out)
    return 0 if items and all_passed(items) else 1
