"""Markdown files (introduction, handouts, printables) and the time plan of the variants."""

from __future__ import annotations

import re
from pathlib import Path

from facilitator.core.content.manifest import Manifest
from facilitator.core.content.package_files import FileRef
from facilitator.core.content.problems import Severity
from facilitator.core.content.report import Findings
from facilitator.core.i18n import _, ngettext

INTRO_MIN_WORDS = 600
INTRO_MAX_WORDS = 1500
MARKDOWN_SUFFIXES = (".md", ".markdown")
MAX_TEXT_BYTES = 5_000_000

_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")


def count_words(markdown: str) -> int:
    return len(_WORD.findall(markdown))


def check_markdown(findings: Findings, ref: FileRef, file: Path) -> None:
    if file.suffix.lower() not in MARKDOWN_SUFFIXES:
        findings.manifest(
            ref.path,
            _("filen ”{name}”").format(name=ref.reference),
            _("ska vara en Markdown-fil (.md)"),
        )
        return
    try:
        data = file.read_bytes()[: MAX_TEXT_BYTES + 1]
    except OSError as error:
        findings.file(
            ref.reference,
            None,
            (),
            _("filen kunde inte läsas ({reason})").format(reason=error.strerror or error),
            _("en läsbar fil"),
        )
        return
    if len(data) > MAX_TEXT_BYTES:
        findings.file(
            ref.reference, None, (), _("filen är mycket stor"), _("en text på högst 5 MB")
        )
        return
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        findings.file(
            ref.reference, line, (), _("tecken som inte är UTF-8"), _("spara filen som UTF-8")
        )
        return
    if not text.strip():
        findings.file(ref.reference, None, (), _("filen är tom"), _("en text"), Severity.WARNING)
        return
    if ref.path == ("introduction",):
        words = count_words(text)
        if not INTRO_MIN_WORDS <= words <= INTRO_MAX_WORDS:
            findings.manifest(
                ref.path,
                ngettext("introduktionen har {n} ord", "introduktionen har {n} ord", words).format(
                    n=words
                ),
                _("{low}–{high} ord passar att läsa upp eller dela ut").format(
                    low=INTRO_MIN_WORDS, high="1 500"
                ),
                Severity.WARNING,
            )


def check_variants(findings: Findings, manifest: Manifest) -> None:
    for index, variant in enumerate(manifest.variants):
        total = sum(minutes for _step, minutes in manifest.variant_step_minutes(variant))
        if total != variant.minutes:
            findings.manifest(
                ("variants", index, "minutes"),
                ngettext(
                    "stegen i varianten blir sammanlagt {total} minut",
                    "stegen i varianten blir sammanlagt {total} minuter",
                    total,
                ).format(total=total),
                _(
                    "ska bli exakt {minutes}: ändra stegens minutes eller "
                    "variantens minutes_override"
                ).format(minutes=variant.minutes),
            )
    used = {step_id for variant in manifest.variants for step_id in variant.steps}
    for index, step in enumerate(manifest.steps):
        if step.id not in used:
            findings.manifest(
                ("steps", index, "id"),
                _("steget ”{id}” används inte i någon längdvariant").format(id=step.id),
                _("ta med det i en variants steps eller ta bort det"),
                Severity.WARNING,
            )
