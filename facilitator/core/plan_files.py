"""Saved plans (templates): the edited plan plus which module versions it was made from."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from facilitator.core.i18n import _
from facilitator.core.safe_write import write_text
from facilitator.core.session.plan import SessionPlan

SUFFIX = ".plan.json"
FORMAT = "facilitator-plan"
FORMAT_VERSION = 1


class PlanFileError(ValueError):
    """The file is not a plan this version can read; ``str()`` is a Swedish sentence."""


@dataclass(frozen=True)
class SavedPlan:
    plan: SessionPlan
    modules: tuple[tuple[str, str], ...]  # (module id, version)


def save_plan(path: Path, plan: SessionPlan, modules: tuple[tuple[str, str], ...]) -> Path:
    if not path.name.endswith(SUFFIX):
        path = path.with_name(path.name.removesuffix(".json") + SUFFIX)
    data = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "modules": [{"id": mid, "version": version} for mid, version in modules],
        "plan": plan.to_dict(),
    }
    # The leader picks the folder: the one safe way to write there (no predictable temp name).
    return write_text(path, json.dumps(data, ensure_ascii=False, indent=2))


def load_plan(path: Path) -> SavedPlan:
    try:
        data: Any = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise PlanFileError(_("Planen {name} går inte att läsa.").format(name=path.name)) from error
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise PlanFileError(_("{name} är ingen sparad plan.").format(name=path.name))
    if data.get("format_version") != FORMAT_VERSION:
        raise PlanFileError(
            _("Planen {name} är sparad av en nyare version av appen.").format(name=path.name)
        )
    try:
        plan = SessionPlan.from_dict(data["plan"])
        modules = tuple((str(m["id"]), str(m["version"])) for m in data["modules"])
    except (KeyError, TypeError, ValueError) as error:
        raise PlanFileError(_("Planen {name} är skadad.").format(name=path.name)) from error
    return SavedPlan(plan, modules)
