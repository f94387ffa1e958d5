"""Command line: launch the app, or run one of the tools (`facilitator modules …`). Heavy
imports stay inside the branches so `--version` and start-up pay only for what they use."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from facilitator import __version__
from facilitator.cli.tools import TOOLS, available_tools, run_tool
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
    tools = "\n".join(f"  {name:<9} {spec[1]}" for name, spec in available_tools().items())
    parser = argparse.ArgumentParser(
        prog="facilitator",
        description="Facilitator – samtalsledarens verktyg för interkulturella samtal.",
        epilog=f"tools (facilitator COMMAND --help):\n{tools}",
        formatter_class=_HelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"facilitator {__version__}")
    parser.add_argument(
        "--portable", action="store_true", help="keep all data in facilitator-data/ next to the app"
    )
    parser.add_argument("--language", choices=["sv", "en"], help="user interface language")
    parser.add_argument(
        "--exit-when-ready",
        action="store_true",
        help=(
            "start, print first_paint_ms=N (window painted) and ready_ms=N (library usable: "
            "cards shown, a module can be planned), and exit (tests, benchmarks)"
        ),
    )
    parser.add_argument(
        "--ready-then-wait",
        action="store_true",
        help="like --exit-when-ready, but keep running until standard input closes",
    )
    parser.add_argument(
        "--drive",
        action="store_true",
        help="take a leader's actions as JSON lines on stdin (end-to-end tests, automation)",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    limit_malloc_arenas()  # before any thread starts (see malloc_arenas.py)
    restrict_new_files()  # before anything is written, by the app or a tool
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list and args_list[0] in TOOLS:
        return run_tool(args_list)
    args = build_parser().parse_args(args_list)
    from facilitator.startup import prepare  # before PySide6: see facilitator/startup.py

    startup = prepare(args.portable, args.language)
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
