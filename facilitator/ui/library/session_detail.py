"""A past session at a glance: when, where, who came (counts), what the group said — with
exports and deletion. Read-only; private notes are not shown here either."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from facilitator.core.application.storage_gateway import SessionDetail
from facilitator.core.i18n import _
from facilitator.core.storage.records import ReflectionKind, ReflectionRecord


def detail_markdown(detail: SessionDetail) -> str:
    record = detail.record
    when = record.started_at or record.created_at
    lines = [f"# {record.title}", ""]
    status = _("Repetition") if record.rehearsal else record.status.label
    facts = [when.astimezone().strftime("%Y-%m-%d %H:%M"), status]
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
    return "\n".join(lines)


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
