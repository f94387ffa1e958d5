"""A variant's questions, goals and leader notes, and a source written out as one line."""

from __future__ import annotations

from facilitator.core.content.citation import citation
from facilitator.core.content.loader import load_manifest
from facilitator.core.content.manifest import EvaluationStep, Manifest, Source
from facilitator.core.content.variant_scope import (
    goals_in,
    leader_notes_in,
    questions_in,
    step_in,
    variant_lengths,
)

from .conftest import EXAMPLE


def example() -> Manifest:
    manifest = load_manifest(EXAMPLE).manifest
    assert manifest is not None
    return manifest


def test_questions_and_goals_follow_the_variant_steps() -> None:
    manifest = example()
    evaluation = manifest.step("utvardering")
    assert isinstance(evaluation, EvaluationStep)
    short, long = (manifest.variant(minutes).steps for minutes in (45, 57))
    assert [q.id for q in questions_in(evaluation, short)] == ["kunskap"]
    assert [q.id for q in questions_in(evaluation, long)] == ["kunskap", "isberget"]
    assert goals_in(manifest, short) == ["Deltagarna har reflekterat över ..."]
    assert len(goals_in(manifest, long)) == 2
    assert variant_lengths(manifest, ["isberget"]) == [57]
    assert variant_lengths(manifest, []) == [45, 57]


def test_a_variants_leader_notes() -> None:
    manifest = example()
    talk = manifest.step("samtal-1")
    assert leader_notes_in(manifest, talk, 45).startswith("Låt paren prata i tio minuter")
    assert leader_notes_in(manifest, talk, 57) == talk.leader_notes
    assert leader_notes_in(manifest, talk, None) == talk.leader_notes
    shown = step_in(manifest, talk, manifest.variant(45).steps, 45)
    assert shown.leader_notes.startswith("Låt paren prata i tio minuter")
    evaluation = step_in(manifest, manifest.step("utvardering"), manifest.variant(45).steps, 45)
    assert isinstance(evaluation, EvaluationStep)
    assert [q.id for q in evaluation.questions] == ["kunskap"]
    untouched = manifest.step("valkommen")
    assert step_in(manifest, untouched, manifest.variant(57).steps, 57) is untouched


def test_citation() -> None:
    full = Source(
        author="Deardorff, D. K.",
        year=2006,
        title="Identification and Assessment of Intercultural Competence",
        published_in="Journal of Studies in International Education 10(3), 241–266",
        publisher="SAGE",
        url="https://doi.org/10.1177/1028315306287002",
    )
    assert citation(full) == (
        "Deardorff, D. K. (2006). Identification and Assessment of Intercultural Competence. "
        "Journal of Studies in International Education 10(3), 241–266. SAGE. "
        "https://doi.org/10.1177/1028315306287002"
    )
    assert citation(Source(title="Hur kan vi mötas?", publisher="KINO")) == (
        "Hur kan vi mötas? KINO."
    )
    assert citation(Source(title="Projektplan", year=2016)) == "Projektplan (2016)."
    undated = Source(author="Persson, S.", title="Gästinlägg", publisher="KINO", undated=True)
    assert citation(undated) == "Persson, S. (u.å.). Gästinlägg. KINO."
