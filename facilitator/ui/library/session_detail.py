"""A past session at a glance: when, where, who came (counts), what the group said, and the
leader's own private notes (last, marked as theirs alone) — with exports and deletion.
Read-only. The notes are shown here because the leader is the one looking; the exports
offered below never carry them."""

from __future__ import annotations

import json

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from facilitator.core.application.storage_gateway import SessionDetail
from facilitator.core.dates import format_date_time
from facilitator.core.i18n import _, active_language
from facilitator.core.storage.records import PrivateNote, ReflectionKind, ReflectionRecord


def detail_markdown(detail: SessionDetail) -> str:
    record = detail.record
    when = record.started_at or record.created_at
    lines = [f"# {record.title}", ""]
    status = _("Repetition") if record.rehearsal else record.status.label
    facts = [format_date_time(when, active_language()), status]
    if record.place:
        facts.insert(1, record.place)
    lines.append(" · ".join(facts))
    lines.append("")
    if detail.attendance is not None and detail.attendance.total:
        lines.append(_("**Deltagare:** {n}").format(n=detail.attendance.total))
        lines.append("")
    if not detail.reflections:
        lines.append(_("Inga reflektioner sparades."))
    by_prompt: dict[str, list[ReflectionRecord]] = {}
    for reflection in detail.reflections:
        by_prompt.setdefault(reflection.prompt_text or reflection.step_key, []).append(reflection)
    for prompt, items in by_prompt.items():
        lines.append(f"## {prompt}")
        for item in items:
            marker = "" if item.kind == ReflectionKind.NOTE else f"*{item.kind.label}:* "
            lines.append(f"- {marker}{item.text}")
        lines.append("")
    lines.extend(private_notes_markdown(detail.private_notes, detail.record.plan_json))
    return "\n".join(lines)


def private_notes_markdown(notes: tuple[PrivateNote, ...], plan_json: str) -> list[str]:
    if not notes:
        return []
    titles = step_titles(plan_json)
    order = list(titles)
    lines = [
        "## " + _("Dina egna anteckningar"),
        "",
        "*" + _("Bara du ser dem. De följer inte med i någon export.") + "*",
        "",
    ]
    for note in sorted(notes, key=lambda n: order.index(n.step_key) if n.step_key in order else 0):
        title = titles.get(note.step_key) or note.step_key or _("Hela sessionen")
        lines.append(f"**{title}**")
        lines.append("")
        # A backslash keeps the leader's own line breaks (Markdown would join the lines).
        quoted = [f"> {line}" if line.strip() else ">" for line in note.text.splitlines()]
        lines.extend(line + "\\" for line in quoted[:-1])
        lines.extend(quoted[-1:])
        lines.append("")
    return lines


def step_titles(plan_json: str) -> dict[str, str]:
    """Each step's title by its key, in plan order; empty when the plan cannot be read."""
    try:
        steps = json.loads(plan_json).get("steps", [])
        return {str(step["key"]): str(step.get("title", "")) for step in steps}
    except (ValueError, AttributeError, KeyError, TypeError):
        return {}


class SessionDetailDialog(QDialog):
    export_pdf = Signal(str)
    export_csv = Signal(str)
    export_json = Signal(str)
    delete_requested = Signal(str)

    def __init__(self, detail: SessionDetail, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        key = detail.record.uuid
        self.setWindowTitle(detail.record.title)
        self.resize(820, 640)
        layout = QVBoxLayout(self)
        view = QTextBrowser()
        view.setAccessibleName(_("Sessionens innehåll"))
        view.setOpenLinks(False)
        view.setMarkdown(detail_markdown(detail))
        layout.addWidget(view, 1)
        row = QHBoxLayout()
        # Each opens a dialog asking where to save: the "…" says so.
        for text, signal in (
            (_("Sammanfattning (PDF)…"), self.export_pdf),
            (_("Tabeller (CSV)…"), self.export_csv),
            (_("Arkiv (JSON)…"), self.export_json),
        ):
            button = QPushButton(text)
            button.clicked.connect(lambda _checked=False, s=signal: s.emit(key))
            row.addWidget(button)
        row.addStretch(1)
        delete = QPushButton(_("Ta bort sessionen…"))
        delete.clicked.connect(lambda: self.delete_requested.emit(key))
        row.addWidget(delete)
        close = QPushButton(_("Stäng"))
        close.clicked.connect(self.accept)
        row.addWidget(close)
        layout.addLayout(row)
