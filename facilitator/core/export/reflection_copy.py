"""A session's reflections as plain Markdown text anyone can open: the copy a leader saves
elsewhere when the data folder cannot be written."""

from __future__ import annotations

from collections.abc import Iterable

from facilitator.core.storage.records import ReflectionRecord


def reflections_as_text(title: str, records: Iterable[ReflectionRecord]) -> str:
    lines = [f"# {title}", ""]
    for record in records:
        lines.append(f"- {record.kind.label}: {record.text}  ({record.prompt_text})")
    return "\n".join(lines) + "\n"
