"""The pure rules of answering from a phone, on a fake clock."""

from __future__ import annotations

import pytest

from facilitator.core.phones.credentials import RoomKeys, new_room_code
from facilitator.core.phones.limits import AnswerProblem, clean_answer
from facilitator.core.phones.moderation import Moderation, may_move
from facilitator.core.phones.question import EvaluationItem, PhoneQuestion, QuestionKind, prompt
from facilitator.core.phones.rate_limit import SlidingWindow
from tests.core.application.rig import fake_clock


def test_a_room_code_is_six_digits_and_typed_with_spaces_still_matches() -> None:
    codes = {new_room_code() for _ in range(200)}
    assert all(len(code) == 6 and code.isdigit() for code in codes)
    assert len(codes) > 150  # random, not a counter
    keys = RoomKeys(code="048213")
    assert keys.code_matches("048 213") and keys.code_matches("048-213")
    assert not keys.code_matches("48213") and not keys.code_matches("")
    assert "048213" not in repr(keys)


def test_a_device_token_is_valid_only_in_its_own_room() -> None:
    room, other = RoomKeys(), RoomKeys()
    cookie = room.issue_device()
    assert room.device_valid(cookie)
    assert not other.device_valid(cookie)
    token, signature = cookie.rsplit(".", 1)
    assert not room.device_valid(f"{token}x.{signature}")
    assert not room.device_valid(None) and not room.device_valid("no-dot")


def test_the_csrf_token_is_bound_to_the_device() -> None:
    room = RoomKeys()
    one, two = room.issue_device(), room.issue_device()
    assert room.csrf_valid(one, room.csrf_for(one))
    assert not room.csrf_valid(one, room.csrf_for(two))
    assert not room.csrf_valid(one, None) and not room.csrf_valid(one, "")


def test_the_stored_device_hash_is_not_the_token_and_differs_per_session() -> None:
    room, later = RoomKeys(), RoomKeys()
    cookie = room.issue_device()
    hashed = room.device_hash(cookie)
    assert cookie not in hashed and len(hashed) == 64
    assert hashed == room.device_hash(cookie)
    assert hashed != later.device_hash(cookie)


def test_the_window_blocks_after_the_limit_and_opens_when_it_has_passed() -> None:
    clock = fake_clock()
    window = SlidingWindow(clock, limit=5, window_seconds=60)
    for _ in range(5):
        assert not window.blocked("10.0.0.7")
        window.note("10.0.0.7")
    assert window.blocked("10.0.0.7") and not window.blocked("10.0.0.8")
    assert window.retry_after("10.0.0.7") == 60
    clock.advance(30)
    assert window.retry_after("10.0.0.7") == 30
    clock.advance(30)
    assert not window.blocked("10.0.0.7")


def test_the_window_forgets_the_oldest_keys_beyond_its_bound() -> None:
    window = SlidingWindow(fake_clock(), limit=1, max_keys=3)
    for key in "abcd":
        assert window.take(key)
    assert not window.blocked("a")  # forgotten, not remembered forever
    assert window.blocked("d")


def test_an_answer_is_cleaned_and_measured_in_characters() -> None:
    assert clean_answer("  hej\r\ndå\x00 ") == ("hej\ndå", None)
    assert clean_answer("   ")[1] is AnswerProblem.EMPTY
    assert clean_answer("ö" * 500)[1] is None
    assert clean_answer("ö" * 501)[1] is AnswerProblem.TOO_LONG


def test_a_question_knows_its_version_and_items() -> None:
    item = EvaluationItem("kunskap", "Vet du mer?", ("Ja", "Nej"))
    question = PhoneQuestion(QuestionKind.EVALUATION, "m/eval", "Utvärdering", (item,))
    assert not question.free_text and question.item("kunskap") == item
    assert question.version != prompt("m/eval", "x").version
    with pytest.raises(ValueError):
        PhoneQuestion(QuestionKind.EVALUATION, "m/eval", "Utvärdering")
    with pytest.raises(ValueError):
        PhoneQuestion(QuestionKind.PROMPT, "m/p", "Fråga", (item,))


def test_moderation_moves() -> None:
    assert may_move(Moderation.PENDING, Moderation.APPROVED)
    assert may_move(Moderation.PENDING, Moderation.REJECTED)
    assert may_move(Moderation.REJECTED, Moderation.APPROVED)
    assert not may_move(Moderation.APPROVED, Moderation.REJECTED)
