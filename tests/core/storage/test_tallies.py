"""Attendance and evaluation counts, and the leader's private notes."""

from __future__ import annotations

import pytest

from facilitator.core.storage.errors import SessionNotFound
from facilitator.core.storage.private_note_store import SESSION_NOTE
from facilitator.core.storage.records import (
    AttendanceCounts,
    EvaluationOption,
    EvaluationResult,
    Gender,
    TargetGroup,
)
from facilitator.core.storage.repository import Repository
from tests.core.storage.helpers import new_session

KNOWLEDGE = EvaluationResult(
    "more-knowledge",
    "Har du fått mer kunskap om ämnet?",
    (
        EvaluationOption(0, "Ja, mycket", 5),
        EvaluationOption(1, "Ja, lite", 4),
        EvaluationOption(2, "Nej", 1),
    ),
    knowledge_indicator=True,
)
USEFUL = EvaluationResult(
    "useful",
    "Kan du använda det i ditt arbete?",
    (EvaluationOption(0, "Ja", 8), EvaluationOption(1, "Nej", 2)),
)


def test_attendance_is_saved_and_replaced(repo: Repository) -> None:
    session = new_session(repo)
    assert repo.tallies.attendance(session.uuid) is None
    first = AttendanceCounts.of(
        {Gender.WOMEN: 8, Gender.MEN: 3, Gender.NOT_STATED: 1},
        {TargetGroup.NEWCOMER_STAFF: 9, TargetGroup.MANAGERS: 2},
    )
    repo.tallies.save_attendance(session.uuid, first)
    assert repo.tallies.attendance(session.uuid) == first
    corrected = AttendanceCounts(women=9, men=3, not_stated=1, newcomer_staff=9, managers=2)
    repo.tallies.save_attendance(session.uuid, corrected)
    saved = repo.tallies.attendance(session.uuid)
    assert saved == corrected
    assert saved is not None and saved.total == 13
    assert saved.by_target_group()[TargetGroup.NEWCOMER_STAFF] == 9


def test_attendance_counts_cannot_be_negative() -> None:
    with pytest.raises(ValueError, match="women"):
        AttendanceCounts(women=-1)


def test_gender_and_target_group_labels_are_swedish() -> None:
    assert Gender.WOMEN.label == "Kvinnor"
    assert TargetGroup.ELECTED.label == "Förtroendevalda"
    assert all(g.label for g in Gender)


def test_evaluation_answers_keep_question_order_and_texts(repo: Repository) -> None:
    session = new_session(repo)
    repo.tallies.save_evaluation(session.uuid, [KNOWLEDGE, USEFUL])
    results = repo.tallies.evaluation(session.uuid)
    assert results == (KNOWLEDGE, USEFUL)
    assert results[0].knowledge_indicator and not results[1].knowledge_indicator
    assert results[0].answers == 10


def test_evaluation_answers_are_replaced_as_a_whole(repo: Repository) -> None:
    session = new_session(repo)
    repo.tallies.save_evaluation(session.uuid, [KNOWLEDGE, USEFUL])
    repo.tallies.save_evaluation(session.uuid, [USEFUL])
    assert repo.tallies.evaluation(session.uuid) == (USEFUL,)
    repo.tallies.save_evaluation(session.uuid, [])
    assert repo.tallies.evaluation(session.uuid) == ()


def test_private_notes_per_step_and_for_the_session(repo: Repository) -> None:
    session = new_session(repo)
    assert repo.private_notes.get(session.uuid, "intro") == ""
    repo.private_notes.save(session.uuid, "intro", "Börja med namnrundan")
    repo.private_notes.save(session.uuid, SESSION_NOTE, "Lokalen var för liten")
    repo.private_notes.save(session.uuid, "intro", "Börja med namnrundan, kort")
    assert repo.private_notes.get(session.uuid, "intro") == "Börja med namnrundan, kort"
    notes = repo.private_notes.for_session(session.uuid)
    assert [(n.step_key, n.text) for n in notes] == [
        ("intro", "Börja med namnrundan, kort"),
        (SESSION_NOTE, "Lokalen var för liten"),
    ]


def test_an_emptied_private_note_is_removed(repo: Repository) -> None:
    session = new_session(repo)
    repo.private_notes.save(session.uuid, "intro", "Tillfällig tanke")
    repo.private_notes.save(session.uuid, "intro", "   ")
    assert repo.private_notes.for_session(session.uuid) == ()


def test_tallies_for_an_unknown_session_are_refused(repo: Repository) -> None:
    with pytest.raises(SessionNotFound):
        repo.tallies.save_attendance("gone", AttendanceCounts())
    with pytest.raises(SessionNotFound):
        repo.tallies.save_evaluation("gone", [USEFUL])
    with pytest.raises(SessionNotFound):
        repo.private_notes.save("gone", "intro", "x")
