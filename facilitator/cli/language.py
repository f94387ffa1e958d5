"""The command line's language, known before any parser is built so that help, argparse's own
words and the tools' messages all speak it: ``--language`` wherever it stands (before or after
a subcommand), else the language saved in the settings, else the system's."""

from __future__ import annotations

import tomllib
from collections.abc import Sequence

from facilitator.core import i18n
from facilitator.core.paths import resolve_paths, resources_dir

OPTION = "--language"


def take_language(argv: Sequence[str]) -> tuple[str | None, list[str]]:
    """``--language X`` or ``--language=X`` taken out of ``argv``; an unknown value is left in
    place so that the parser refuses it with its usual message. Nothing after ``--`` is read:
    there it is a file name."""
    rest = list(argv)
    end = rest.index("--") if "--" in rest else len(rest)
    for i, word in enumerate(rest[:end]):
        if word == OPTION and i + 1 < end and rest[i + 1] in i18n.LANGUAGES:
            return rest[i + 1], rest[:i] + rest[i + 2 :]
        if word.startswith(OPTION + "=") and word.split("=", 1)[1] in i18n.LANGUAGES:
            return word.split("=", 1)[1], rest[:i] + rest[i + 1 :]
    return None, rest


def saved_language(portable: bool) -> str | None:
    """The settings' language, read without side effects: a settings file that cannot be read
    is the app's to set aside and explain, not the command line's."""
    try:
        path = resolve_paths(portable=portable).settings_file
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return None
    language = data.get("language")
    return language if language in i18n.LANGUAGES else None


def activate_cli_language(explicit: str | None, portable: bool) -> str:
    chosen = explicit or saved_language(portable) or i18n.system_language()
    i18n.activate(chosen, resources_dir() / "locale")
    return i18n.active_language()
