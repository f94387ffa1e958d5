"""What every length variant must keep: the module's core steps, formats given the minutes
their phases need, and an evaluation that asks something."""

from __future__ import annotations

from facilitator.core.content.manifest import EvaluationStep, Manifest, Variant
from facilitator.core.content.report import Findings
from facilitator.core.content.variant_scope import questions_in
from facilitator.core.i18n import _


def check_variant_rules(findings: Findings, manifest: Manifest) -> None:
    for index, variant in enumerate(manifest.variants):
        _core_steps(findings, manifest, index, variant)
        _format_minimums(findings, manifest, index, variant)
        _questions_asked(findings, manifest, index, variant)


def _core_steps(findings: Findings, manifest: Manifest, index: int, variant: Variant) -> None:
    for step in manifest.steps:
        if step.core and step.id not in variant.steps:
            findings.manifest(
                ("variants", index, "steps"),
                _("kärnsteget ”{id}” saknas i varianten på {minutes} minuter").format(
                    id=step.id, minutes=variant.minutes
                ),
                _("varje variant ska ta med modulens kärnsteg (core = true)"),
            )


def _format_minimums(findings: Findings, manifest: Manifest, index: int, variant: Variant) -> None:
    for step, minutes in manifest.variant_step_minutes(variant):
        fmt = getattr(step, "format", None)
        if fmt is None or minutes >= fmt.minimum_minutes:
            continue
        if step.id in variant.leader_notes_override:
            continue  # the variant's own notes run the format in its shorter time
        # The line an author changes: the variant's override, or else the step's own minutes.
        path = (
            ("variants", index, "minutes_override", step.id)
            if step.id in variant.minutes_override
            else ("variants", index, "steps", variant.steps.index(step.id))
        )
        findings.manifest(
            path,
            _("steget ”{id}” ({format}) får {minutes} min i varianten på {length} minuter").format(
                id=step.id, format=fmt.label, minutes=minutes, length=variant.minutes
            ),
            _(
                "minst {least} min, eller en leader_notes_override för steget i varianten "
                "med faserna skrivna för den kortare tiden"
            ).format(least=fmt.minimum_minutes),
        )


def _questions_asked(findings: Findings, manifest: Manifest, index: int, variant: Variant) -> None:
    for step_id in variant.steps:
        step = manifest.step(step_id)
        if isinstance(step, EvaluationStep) and not questions_in(step, variant.steps):
            findings.manifest(
                ("variants", index, "steps", variant.steps.index(step_id)),
                _("utvärderingen ”{id}” har ingen fråga i varianten på {minutes} minuter").format(
                    id=step_id, minutes=variant.minutes
                ),
                _("minst en fråga utan requires, eller vars steg alla finns i varianten"),
            )
