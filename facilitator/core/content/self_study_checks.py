"""The self-study wording: each key on a step kind it suits, and words for one person.

The wording is read by someone alone at their own computer, so a sentence that turns to a group
("vänd dig till den bredvid") is a warning: it is usually a group text copied over unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from facilitator.core.content.kinds import StepKind
from facilitator.core.content.manifest import Manifest, Step
from facilitator.core.content.manifest_self_study import INSTRUCTION_KINDS, QUESTION_KINDS
from facilitator.core.content.problems import FieldPath, Severity
from facilitator.core.content.report import Findings
from facilitator.core.i18n import _

GROUP_PHRASES = (
    "vänd dig till",
    "den bredvid",
    "i par",
    "i gruppen",
    "varvet runt",
    "alla i rummet",
)
"""Words that address a room, not one person (issue 19)."""

_GROUP = re.compile(
    r"\b(?:" + "|".join(r"\s+".join(map(re.escape, p.split())) for p in GROUP_PHRASES) + r")\b",
    re.IGNORECASE,
)
_LOOKS_LIKE_PATH = re.compile(r"^\S+\.(?:md|markdown)$", re.IGNORECASE)


def _kinds(kinds: frozenset[StepKind]) -> str:
    return ", ".join(kind.value for kind in StepKind if kind in kinds)


def _what_fits(kind: StepKind) -> str:
    if kind in QUESTION_KINDS:
        return _("ett {kind}-steg tar question").format(kind=kind.value)
    if kind in INSTRUCTION_KINDS:
        return _("ett {kind}-steg tar instructions").format(kind=kind.value)
    return _("ett {kind}-steg tar bara minutes och skip").format(kind=kind.value)


def _check_kind(findings: Findings, index: int, step: Step) -> None:
    wording = step.self_study
    if wording is None:
        return
    path: FieldPath = ("steps", index, "self_study")
    if wording.question is not None and step.kind not in QUESTION_KINDS:
        findings.manifest(
            (*path, "question"),
            _("en självstudiefråga i ett steg av typen ”{kind}”").format(kind=step.kind.value),
            _("question bara i stegen {kinds}; {fits}").format(
                kinds=_kinds(QUESTION_KINDS), fits=_what_fits(step.kind)
            ),
        )
    if wording.instructions is not None and step.kind not in INSTRUCTION_KINDS:
        findings.manifest(
            (*path, "instructions"),
            _("självstudieinstruktioner i ett steg av typen ”{kind}”").format(kind=step.kind.value),
            _("instructions bara i stegen {kinds}; {fits}").format(
                kinds=_kinds(INSTRUCTION_KINDS), fits=_what_fits(step.kind)
            ),
        )


def _wording(manifest: Manifest) -> Iterator[tuple[FieldPath, str]]:
    if manifest.self_study is not None:
        yield ("self_study", "introduction"), manifest.self_study.introduction
    for index, step in enumerate(manifest.steps):
        if step.self_study is None:
            continue
        for key in ("question", "instructions"):
            text = getattr(step.self_study, key)
            if text is not None:
                yield ("steps", index, "self_study", key), text


def _group_phrases(text: str) -> list[str]:
    found: list[str] = []
    for match in _GROUP.finditer(text):
        phrase = " ".join(match.group().split())
        if phrase.lower() not in (seen.lower() for seen in found):
            found.append(phrase)
    return found


def check_self_study(findings: Findings, manifest: Manifest) -> None:
    for index, step in enumerate(manifest.steps):
        _check_kind(findings, index, step)
    for path, text in _wording(manifest):
        if phrases := _group_phrases(text):
            findings.manifest(
                path,
                _("självstudietexten vänder sig till en grupp: {phrases}").format(
                    phrases=", ".join(f"”{phrase}”" for phrase in phrases)
                ),
                _(
                    "skriv till en person som går igenom modulen ensam, till exempel "
                    "”fundera själv” eller ”gör övningen själv eller med en kollega”"
                ),
                Severity.WARNING,
            )
    if manifest.self_study is not None and _LOOKS_LIKE_PATH.match(manifest.self_study.introduction):
        findings.manifest(
            ("self_study", "introduction"),
            _("introduktionen ser ut som en sökväg: ”{text}”").format(
                text=manifest.self_study.introduction
            ),
            _("[self_study] introduction är Markdown skriven i module.toml, inte en fil"),
            Severity.WARNING,
        )
