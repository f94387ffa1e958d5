"""The tool subcommands. Each lives in its own module and is imported only when its command
runs, so launching the app pays for none of them."""

from __future__ import annotations

import argparse
import importlib
import importlib.util
from collections.abc import Sequence
from pathlib import Path

from facilitator.cli.failures import run_command
from facilitator.core.i18n import N_, _

# command → (module providing add_parser(subparsers), one-line help, translated where shown)
TOOLS: dict[str, tuple[str, str]] = {
    "modules": ("facilitator.cli.modules", N_("kontrollera, packa, importera och lista moduler")),
    "check": ("facilitator.cli.check", N_("kontroll före en session: VLC, filmer, skärmar, data")),
    "films": ("facilitator.cli.films", N_("gör en moduls film från dess manus")),
    "export": ("facilitator.cli.export", N_("exportera en session som PDF, HTML, CSV eller JSON")),
    "report": ("facilitator.cli.export", N_("rapport över många sessioner")),
    "import-archive": (
        "facilitator.cli.export",
        N_("slå ihop sessionsarkiv från andra datorer"),
    ),
    "printables": ("facilitator.cli.export", N_("ledarhandledning och deltagarblad som PDF")),
}


def available_tools() -> dict[str, tuple[str, str]]:
    return {
        name: spec for name, spec in TOOLS.items() if importlib.util.find_spec(spec[0]) is not None
    }


def build_tool_parser(command: str) -> argparse.ArgumentParser:
    module_name, _help = TOOLS[command]
    parser = argparse.ArgumentParser(prog="facilitator")
    sub = parser.add_subparsers(dest="command", metavar=_("VERKTYG"), required=True)
    importlib.import_module(module_name).add_parser(sub)
    return parser


def run_tool(argv: Sequence[str]) -> int:
    """Parse and run one tool command; argparse exits with 2 on a usage mistake, everything
    else ends in `run_command` as a message and an exit code."""
    args = build_tool_parser(argv[0]).parse_args(list(argv))
    portable = bool(getattr(args, "portable", False))

    def log_file() -> Path:
        from facilitator.core.paths import resolve_paths

        return resolve_paths(portable=portable).log_file

    def command() -> int:
        from facilitator.core.owner_only import tighten_data_folders
        from facilitator.core.paths import resolve_paths

        tighten_data_folders(resolve_paths(portable=portable))
        code: int = args.handler(args)
        return code

    return run_command(command, log_file)
