"""The command line: ``facilitator`` launches the app; ``facilitator TOOL …`` runs a tool
(modules, check, films, export, report, import-archive, printables) without a window."""

from facilitator.cli.main import main

__all__ = ["main"]
