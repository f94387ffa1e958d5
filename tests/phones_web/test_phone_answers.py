"""Phones answer on the room's network: the real server on 127.0.0.1, real HTTP, a real SQLite
file behind the real storage gateway; what a participant sees and what the database holds."""

from __future__ import annotations

from facilitator.core.application.phone_room import PhoneRoom
from facilitator.core.phones.moderation import Moderation
from facilitator.core.phones.question import EvaluationItem, evaluation, prompt
from facilitator.core.storage.records import ReflectionSource
from tests.phones_web.phone_rig import phone_session

QUESTION = prompt("m/samtal", "Vad tar du med dig från filmen?")
EVALUATION = evaluation(
    "m/utvardering",
    "Utvärdering",
    [
        EvaluationItem("kunskap", "Vet du mer nu än innan?", ("Ja", "Lite", "Nej")),
        EvaluationItem("nytta", "Har du nytta av det i jobbet?", ("Ja", "Nej")),
    ],
)


def test_a_phone_joins_with_the_code_and_its_answer_is_committed_before_skickat() -> None:
    with phone_session() as s:
        phone = s.phone()
        first = phone.get("/")
        assert first.status == 200
        assert '<html lang="sv">' in first.body and "Rumskod" in first.body
        assert phone.join("482 913").status == 303  # spaces as on the projector are fine
        assert "Ingen fråga just nu – vänta på samtalsledaren" in phone.get("/").body

        s.room.open_question(QUESTION)
        page = phone.get("/")
        assert "Vad tar du med dig från filmen?" in page.body
        assert 'maxlength="500"' in page.body and "Högst 500 tecken" in page.body
        reply = phone.answer("Att fråga i stället för att gissa")
        assert reply.status == 200 and "Skickat" in reply.body
        assert s.rows() == [("Att fråga i stället för att gissa", None, "pending")]
        assert [a.text for a in s.room.answers()] == ["Att fråga i stället för att gissa"]


def test_an_evaluation_by_phone_adds_to_the_counts_and_says_how_many_phones() -> None:
    with phone_session() as s:
        s.room.open_question(EVALUATION)
        for choice in ("0", "0", "2"):
            phone = s.phone()
            phone.join("482913")
            form = phone.get("/").hidden()
            assert phone.post("/answer", {**form, "item0": choice, "item1": "1"}).status == 200
        counted = []
        s.room.evaluation_counts(counted.append)
        counts = counted[0]
        assert counts.devices == 3
        assert counts.count("kunskap", 0) == 2 and counts.count("kunskap", 2) == 1
        assert counts.count("nytta", 1) == 3
        assert sorted(s.rows("SELECT option_text, status FROM phone_answers"))[:2] == [
            ("Ja", "approved"),
            ("Ja", "approved"),
        ]


def test_an_approved_answer_becomes_a_reflection_marked_as_the_phones() -> None:
    with phone_session() as s:
        s.room.open_question(QUESTION)
        phone = s.phone()
        phone.join("482913")
        phone.answer("Vi gissar för ofta")
        phone.answer("Inget att visa")
        approved, rejected = s.room.answers()
        with s.owner.lock:
            s.room.approve(approved.uuid)
            s.room.approve(approved.uuid)  # twice: still one reflection
            s.room.reject(rejected.uuid)
        reflections = s.rows("SELECT text, source, step_key, prompt_text FROM reflections")
        assert reflections == [
            ("Vi gissar för ofta", "phones", "m/samtal", "Vad tar du med dig från filmen?")
        ]
        assert sorted(s.rows("SELECT text, status FROM phone_answers")) == [
            ("Inget att visa", "rejected"),
            ("Vi gissar för ofta", "approved"),
        ]
        saved = s.service.reflections.records()
        assert [r.source for r in saved] == [ReflectionSource.PHONES]
        assert {a.status for a in s.room.answers()} == {Moderation.APPROVED, Moderation.REJECTED}


def test_english_by_link_or_by_the_phone_s_language() -> None:
    with phone_session() as s:
        assert '<html lang="en">' in s.phone().get("/?lang=en").body
        english = s.phone(**{"Accept-Language": "en-GB,en;q=0.9"}).get("/")
        assert '<html lang="en">' in english.body
        assert 'href="/?lang=sv"' in english.body


def test_every_page_carries_the_security_headers_and_no_outside_asset() -> None:
    with phone_session() as s:
        page = s.phone().get("/")
        assert page.headers["content-security-policy"].startswith("default-src 'self'")
        assert page.headers["x-content-type-options"] == "nosniff"
        assert page.headers["referrer-policy"] == "no-referrer"
        assert page.headers["cache-control"] == "no-store"
        assert "http" not in page.body.replace('href="/', "")  # nothing fetched from elsewhere
        assert s.phone().get("/static/phone.css").status == 200


def test_the_cookie_is_httponly_strict_and_worthless_in_the_next_session() -> None:
    with phone_session() as s:
        phone = s.phone()
        reply = phone.join("482913")
        cookie = reply.headers["set-cookie"]
        assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Path=/" in cookie
        old = phone.cookie
    with phone_session(code="111111") as s:
        s.room.open_question(QUESTION)
        stranger = s.phone()
        stranger.cookie = old
        assert "Rumskod" in stranger.get("/").body  # asked to join again


def test_after_stop_the_page_says_the_session_is_over() -> None:
    with phone_session() as s:
        phone = s.phone()
        phone.join("482913")
        s.room.end()
        assert "Sessionen är slut" in phone.get("/").body
        s.server.stop()
        assert s.room.ended


def test_an_open_page_can_follow_the_screen_without_the_code_leaking() -> None:
    """The page's script asks /state; a phone that has not joined learns nothing from it."""
    with phone_session() as s:
        stranger, phone = s.phone(), s.phone()
        assert stranger.get("/state").status == 403
        phone.join("482913")
        assert phone.get("/state").body.replace(" ", "") == '{"q":"","ended":false}'
        waiting = phone.get("/")
        assert 'data-follow=""' in waiting.body
        assert '<script src="/static/phone.js" defer></script>' in waiting.body
        s.room.open_question(QUESTION)
        assert QUESTION.version in phone.get("/state").body
        assert f'data-follow="{QUESTION.version}"' in phone.get("/").body
        script = phone.get("/static/phone.js")
        assert script.status == 200 and script.headers["content-type"].startswith("text/javascript")
        assert 'fetch("/state"' in script.body
        s.room.end()
        assert '"ended": true' in stranger.get("/state").body


def test_answers_waiting_before_a_restart_come_back_to_the_leader_s_list() -> None:
    """After a quit or a crash the session's new room reads its answers back (``load``) after
    the console has built its list: the ones still waiting reach the list as received ones."""
    with phone_session() as s:
        s.room.open_question(QUESTION)
        phone = s.phone()
        phone.join("482913")
        phone.answer("Vi gissar för ofta")
        phone.answer("Redan visad")
        shown = s.room.answers()[1]
        with s.owner.lock:
            s.room.approve(shown.uuid)
        restarted = PhoneRoom(s.storage, s.room.session_uuid, s.clock, s.owner.hop)
        heard: list[tuple[str, str]] = []
        restarted.received.connect(
            lambda answers: heard.extend((a.text, a.status) for a in answers)
        )
        with s.owner.lock:
            restarted.load()
        assert sorted(heard) == [("Redan visad", "approved"), ("Vi gissar för ofta", "pending")]
        with s.owner.lock:
            restarted.load()  # read again: nothing new to announce
        assert len(heard) == 2
