"""A JSON Schema of `module.toml` for editors (Taplo / "Even Better TOML" in VS Code, and
anything else that reads JSON Schema): completion and squiggles while an author types."""

from __future__ import annotations

import json
from typing import Any

from facilitator.core.content.manifest import Manifest

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def _without_null(node: Any) -> Any:
    """TOML has no null: an optional key is simply left out, so `null` is never valid."""
    if isinstance(node, list):
        return [_without_null(item) for item in node]
    if not isinstance(node, dict):
        return node
    result = {key: _without_null(value) for key, value in node.items()}
    options = result.get("anyOf")
    if isinstance(options, list):
        kept = [option for option in options if option != {"type": "null"}]
        if len(kept) == 1 and isinstance(kept[0], dict):
            del result["anyOf"]
            result = {**kept[0], **result}
        else:
            result["anyOf"] = kept
    if "default" in result and result["default"] is None:
        del result["default"]
    return result


def manifest_schema() -> dict[str, Any]:
    schema = _without_null(Manifest.model_json_schema(mode="validation"))
    return {
        "$schema": SCHEMA_DIALECT,
        "title": "Facilitator module.toml",
        "description": (
            "En modul för Facilitator. Se docs/module-format.md. "
            "Validera med: facilitator modules validate MAPP"
        ),
        **{key: value for key, value in schema.items() if key not in ("title", "description")},
    }


def manifest_schema_json() -> str:
    return json.dumps(manifest_schema(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"
