"""pydantic's validation errors as problems an author can act on, in plain Swedish."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from facilitator.core.content.consistency import ConsistencyIssue, suggestion
from facilitator.core.content.kinds import StepKind
from facilitator.core.content.manifest_terms import (
    ID_PATTERN,
    LANGUAGE_PATTERN,
    STEP_ID_PATTERN,
    VERSION_PATTERN,
)
from facilitator.core.content.model_fields import allowed_keys
from facilitator.core.content.problems import (
    MANIFEST_FILE,
    FieldPath,
    Problem,
    format_field,
    found_value,
)
from facilitator.core.i18n import N_, _, ngettext

_PATTERNS = {
    ID_PATTERN: N_(
        "ska bestå av små bokstäver a–z, siffror och bindestreck (2–63 tecken, utan å, ä, ö)"
    ),
    STEP_ID_PATTERN: N_("ska bestå av små bokstäver a–z, siffror och bindestreck (utan å, ä, ö)"),
    VERSION_PATTERN: N_("ska vara ett versionsnummer som 1.0 eller 1.2.3"),
    LANGUAGE_PATTERN: N_("ska vara en språkkod med två eller tre små bokstäver, till exempel sv"),
}

_SIMPLE = {
    "int_type": N_("ska vara ett heltal"),
    "int_parsing": N_("ska vara ett heltal"),
    "int_from_float": N_("ska vara ett heltal"),
    "float_type": N_("ska vara ett tal"),
    "float_parsing": N_("ska vara ett tal"),
    "finite_number": N_("ska vara ett tal"),
    "string_type": N_("ska vara en text inom citattecken"),
    "bool_type": N_("ska vara true eller false"),
    "list_type": N_('ska vara en lista, till exempel ["a", "b"]'),
    "dict_type": N_("ska vara en tabell"),
    "model_type": N_("ska vara en tabell"),
    "model_attributes_type": N_("ska vara en tabell"),
}

_BOUNDS = {
    "greater_than_equal": ("ge", N_("ska vara minst {n}")),
    "greater_than": ("gt", N_("ska vara större än {n}")),
    "less_than_equal": ("le", N_("får vara högst {n}")),
    "less_than": ("lt", N_("ska vara mindre än {n}")),
}


def _number(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _choices(raw: object) -> str:
    """pydantic's "'a', 'b' or 'c'" as "a, b, c"."""
    text = str(raw).replace(" or ", ", ")
    return re.sub(r"<[^:>]+: ('[^']*')>", r"\1", text).replace("'", "")


def _expected(error: ErrorDetails) -> str:
    kind = error["type"]
    ctx: Mapping[str, Any] = error.get("ctx") or {}
    if kind in _SIMPLE:
        return _(_SIMPLE[kind])
    if kind in ("literal_error", "enum"):
        return _("ska vara ett av: {choices}").format(choices=_choices(ctx.get("expected", "")))
    if kind == "string_pattern_mismatch":
        pattern = str(ctx.get("pattern", ""))
        if pattern in _PATTERNS:
            return _(_PATTERNS[pattern])
        return _("ska följa mönstret {pattern}").format(pattern=pattern)
    if kind == "string_too_short":
        return _("får inte vara tom")
    if kind == "string_too_long":
        n = int(ctx.get("max_length", 0))
        return ngettext("får vara högst {n} tecken", "får vara högst {n} tecken", n).format(n=n)
    if kind == "too_short":
        n = int(ctx.get("min_length", 0))
        return ngettext("ska ha minst {n} del", "ska ha minst {n} delar", n).format(n=n)
    if kind == "too_long":
        n = int(ctx.get("max_length", 0))
        return ngettext("får ha högst {n} del", "får ha högst {n} delar", n).format(n=n)
    if kind in _BOUNDS:
        key, template = _BOUNDS[kind]
        return _(template).format(n=_number(ctx.get(key)))
    if kind in ("value_error", "assertion_error"):
        return str(ctx.get("error", error["msg"])).removeprefix("Value error, ")
    return _("ogiltigt värde ({detail})").format(detail=error["msg"])


def _data_path(loc: tuple[int | str, ...], data: Any) -> FieldPath:
    """pydantic's location without the union tags it inserts (``steps.3.film.minutes``)."""
    path: list[str | int] = []
    node: Any = data
    for index, part in enumerate(loc):
        last = index == len(loc) - 1
        if isinstance(node, list) and isinstance(part, int):
            path.append(part)
            node = node[part] if 0 <= part < len(node) else None
        elif isinstance(node, dict) and isinstance(part, str):
            if not last and path and isinstance(path[-1], int) and node.get("kind") == part:
                continue
            if part in node or last:
                path.append(part)
                node = node.get(part)
        else:
            path.append(part)
            node = None
    return tuple(path)


def _value_at(path: FieldPath, data: Any) -> Any:
    node = data
    for part in path:
        if isinstance(node, dict) and isinstance(part, str):
            node = node.get(part)
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
        else:
            return None
    return node


def _tag_problem(error: ErrorDetails, path: FieldPath, data: Any) -> tuple[FieldPath, str, str]:
    kinds = [kind.value for kind in StepKind]
    expected = _("ska vara ett av: {choices}").format(choices=", ".join(kinds))
    tag = _value_at((*path, "kind"), data)
    if error["type"] == "union_tag_not_found" or tag is None:
        return (*path, "kind"), _("saknas"), expected
    hint = suggestion(tag, kinds) if isinstance(tag, str) else ""
    return (*path, "kind"), found_value(tag), expected + hint


def _unknown_key(path: FieldPath, data: Any) -> tuple[str, str]:
    key = str(path[-1])
    keys = allowed_keys(path[:-1], data) or []
    found = _("okänd nyckel ”{key}”").format(key=key)
    if hint := suggestion(key, keys):
        return found, _("kanske ett stavfel?") + hint
    if keys:
        return found, _("kanske ett stavfel? Tillåtna nycklar här: {keys}").format(
            keys=", ".join(keys)
        )
    return found, _("kanske ett stavfel?")


def problems_from_validation(
    error: ValidationError, data: Any, line_of: Callable[[FieldPath], int | None]
) -> list[Problem]:
    problems: list[Problem] = []

    def add(path: FieldPath, found: str, expected: str) -> None:
        problems.append(Problem(MANIFEST_FILE, line_of(path), format_field(path), found, expected))

    for details in error.errors(include_url=False):
        ctx = details.get("ctx") or {}
        path = _data_path(tuple(details["loc"]), data)
        if details["type"] == "manifest_consistency":
            for issue in ctx.get("issues", []):
                if isinstance(issue, ConsistencyIssue):
                    add(issue.path, issue.found, issue.expected)
        elif details["type"] in ("union_tag_invalid", "union_tag_not_found"):
            add(*_tag_problem(details, path, data))
        elif details["type"] == "missing":
            add(path, _("saknas"), _("måste anges"))
        elif details["type"] == "extra_forbidden":
            add(path, *_unknown_key(path, data))
        elif details["type"] in ("value_error", "assertion_error"):
            add(path, "", _expected(details))
        else:
            add(path, found_value(details.get("input")), _expected(details))
    return problems
