"""Command line: launch the app, or run one of the tools (`facilitator modules …`). Heavy
imports stay inside the branches so `--version` and start-up pay only for what they use."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from facilitator import __version__
from facilitator.cli.argparse_words import speak_app_language
from facilitator.cli.language import activate_cli_language, take_language
from facilitator.cli.tools import TOOLS, available_tools, run_tool
from facilitator.core.i18n import LANGUAGES, _
from facilitator.core.owner_only import restrict_new_files
from facilitator.malloc_arenas import limit_malloc_arenas


class _HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """argparse asks its formatter for the terminal width on every add_argument; the default
    way imports shutil (and with it compression modules), a few ms of every start."""

    def __init__(self, prog: str) -> None:
        try:
            width = os.get_terminal_size().columns
        except OSError:  # not a terminal
            width = 80
        super().__init__(prog, width=max(width, 40) - 2)


def build_parser() -> argparse.ArgumentParser:
    tools = "\n".join(f"  {name:<14} {_(spec[1])}" for name, spec in available_tools().items())
    parser = argparse.ArgumentParser(
        prog="facilitator",
        description=_("Facilitator – samtalsledarens verktyg för interkulturella samtal."),
        epilog=_("verktyg (facilitator VERKTYG --help):") + f"\n{tools}",
        formatter_class=_HelpFormatter,
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"facilitator {__version__}",
        help=_("visa programmets version och avsluta"),  # Python 3.11 leaves its own untranslated
    )
    parser.add_argument(
        "--portable",
        action="store_true",
        help=_("spara alla data i facilitator-data/ bredvid appen"),
    )
    parser.add_argument(
        "--language",
        choices=LANGUAGES,
        help=_("språket i appen och på kommandoraden (sv eller en), före eller efter ett verktyg"),
    )
    parser.add_argument(
        "--exit-when-ready",
        action="store_true",
        help=_(
            "starta, skriv first_paint_ms=N (fönstret ritat) och ready_ms=N (biblioteket går "
            "att använda) och avsluta (tester, mätningar)"
        ),
    )
    parser.add_argument(
        "--ready-then-wait",
        action="store_true",
        help=_("som --exit-when-ready, men fortsätt tills standard in stängs"),
    )
    parser.add_argument(
        "--drive",
        action="store_true",
        help=_(
            "ta emot ledarens handlingar som JSON-rader på standard in (tester, automatisering)"
        ),
    )
    return parser


def _use_own_libvlc() -> None:
    """The installed bundle plays films with the libVLC inside it, never the system's
    (docs/decisions/0018); run from a virtualenv, nothing changes."""
    if getattr(sys, "frozen", False):
        from facilitator.libvlc_location import frozen_root, use_bundled_libvlc

        root = frozen_root()
        if root is not None:
            use_bundled_libvlc(root, os.environ)


def main(argv: Sequence[str] | None = None) -> int:
    limit_malloc_arenas()  # before any thread starts (see malloc_arenas.py)
    _use_own_libvlc()  # before anything imports python-vlc
    restrict_new_files()  # before anything is written, by the app or a tool
    language, args_list = take_language(sys.argv[1:] if argv is None else argv)
    # Before any parser exists: help, argparse's words and the tools speak this language.
    activate_cli_language(language, portable="--portable" in args_list)
    speak_app_language()
    if args_list and args_list[0] in TOOLS:
        return run_tool(args_list)
    args = build_parser().parse_args(args_list)
    from facilitator.startup import prepare  # before PySide6: see facilitator/startup.py

    startup = prepare(args.portable, language)
    from facilitator.ui.feature_scan import scan_imports_cheaply

    scan_imports_cheaply()  # before the app's own imports: each one is checked by PySide6
    from facilitator.launch import run_app

    return run_app(
        startup=startup,
        exit_when_ready=args.exit_when_ready,
        ready_then_wait=args.ready_then_wait,
        drive=args.drive,
    )


if __name__ == "__main__":
    sys.exit(main())
