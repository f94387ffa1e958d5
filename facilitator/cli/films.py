"""`facilitator films render MODULE_DIR…`: render a module's film from its script."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from facilitator.core.i18n import _


def add_parser(sub: argparse._SubParsersAction[Any]) -> None:
    films = sub.add_parser(
        "films",
        help=_("gör en moduls film från dess manus"),
        description=_("Gör modulernas filmer från deras manus (film/script.toml)."),
    )
    actions = films.add_subparsers(dest="films_command", metavar=_("KOMMANDO"), required=True)
    render = actions.add_parser(
        "render",
        help=_("gör film.mp4 och undertexter av film/script.toml"),
        description=_("Gör film.mp4 och undertexterna av varje moduls film/script.toml."),
    )
    render.add_argument("modules", nargs="+", type=Path, metavar=_("MODULMAPP"))
    render.set_defaults(handler=run_render)


class _Bar:
    """A text progress bar on standard error, with what the render is doing now."""

    def __init__(self) -> None:
        self.what = ""

    def stage(self, what: str) -> None:
        self.what = what

    def progress(self, fraction: float) -> None:
        _draw(fraction, self.what)


def _draw(fraction: float, what: str) -> None:
    width = 30
    filled = round(fraction * width)
    sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {fraction:4.0%} {what[:40]:<40}")
    sys.stderr.flush()


def run_render(args: argparse.Namespace) -> int:
    from facilitator.core.films.render import render_film
    from facilitator.core.films.script import ScriptError
    from facilitator.core.films.tools import MissingToolError, RenderError

    failures = 0
    for folder in args.modules:
        print(_("Renderar filmen i {folder}").format(folder=folder))
        try:
            bar = _Bar()
            result = render_film(folder, progress=bar.progress, stage=bar.stage)
        except MissingToolError as error:
            # Not a usage mistake: the computer lacks ffmpeg or a voice, and no film can be made.
            sys.stderr.write("\n" + str(error) + "\n")
            return 1
        except (ScriptError, RenderError, OSError, ValueError) as error:
            sys.stderr.write("\n" + _("Fel: {error}").format(error=error) + "\n")
            failures += 1
            continue
        sys.stderr.write("\n")
        print(
            _("Klar: {file} ({seconds:.0f} s, {mb:.1f} MB)").format(
                file=result.video, seconds=result.duration, mb=result.size_bytes / 1e6
            )
        )
    return 1 if failures else 0
