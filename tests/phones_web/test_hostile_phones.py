"""What a hostile phone (or a page trying to be one) gets: a plain refusal, nothing stored,
nothing rendered as markup."""

from __future__ import annotations

import sqlite3

from facilitator.core.phones.question import prompt
from tests.phones_web.phone_rig import phone_session

QUESTION = prompt("m/samtal", "Vad tar du med dig?")


def test_wrong_codes_are_refused_then_the_address_must_wait() -> None:
    with phone_session() as s:
        guesser = s.phone()
        for guess in ("000000", "111111", "222222", "333333", "444444"):
            assert guesser.join(guess).status == 403
        blocked = guesser.join("482913")  # even the right code, until the minute has passed
        assert blocked.status == 429 and int(blocked.headers["retry-after"]) > 0
        assert guesser.cookie is None
        s.clock.advance(61)
        assert guesser.join("482913").status == 303 and guesser.cookie


def test_an_oversized_body_is_refused_and_nothing_stored() -> None:
    with phone_session() as s:
        s.room.open_question(QUESTION)
        phone = s.phone()
        phone.join("482913")
        form = phone.get("/").hidden()
        reply = phone.post("/answer", {**form, "answer": "x" * 5000})
        assert reply.status == 413
        assert s.rows() == []


def test_an_answer_over_500_characters_is_sent_back_to_shorten() -> None:
    with phone_session() as s:
        s.room.open_question(QUESTION)
        phone = s.phone()
        phone.join("482913")
        reply = phone.answer("å" * 501)
        assert reply.status == 400 and "för långt" in reply.body
        assert s.rows() == []


def test_a_body_that_is_not_utf8_is_refused() -> None:
    with phone_session() as s:
        s.room.open_question(QUESTION)
        phone = s.phone()
        phone.join("482913")
        form = phone.get("/").hidden()
        fields = "&".join(f"{k}={v}" for k, v in form.items()).encode()
        assert phone.request("POST", "/answer", fields + b"&answer=%FF%FE").status == 400
        assert phone.request("POST", "/answer", fields + b"&answer=\xff\xfe").status == 400
        assert s.rows() == []


def test_a_script_tag_is_stored_as_text_and_served_escaped() -> None:
    with phone_session() as s:
        s.room.open_question(QUESTION)
        phone = s.phone()
        phone.join("482913")
        attack = '<script>alert("x")</script><b>fet</b>'
        assert phone.answer(attack).status == 200
        assert s.rows("SELECT text FROM phone_answers") == [(attack,)]
        # Sent back to shorten, the text is shown in the form as text, not as markup.
        long = phone.answer(attack + "x" * 500)
        assert "<script>" not in long.body and "&lt;script&gt;" in long.body
        assert "<b>fet" not in long.body


def test_a_forged_token_or_csrf_is_refused() -> None:
    with phone_session() as s:
        s.room.open_question(QUESTION)
        phone = s.phone()
        phone.join("482913")
        form = phone.get("/").hidden()
        good = phone.cookie
        assert phone.post("/answer", {**form, "csrf": "0" * 64, "answer": "a"}).status == 403
        assert (
            phone.post(
                "/answer", {**{k: v for k, v in form.items() if k != "csrf"}, "answer": "a"}
            ).status
            == 403
        )
        phone.cookie = "made-up.0123"
        assert phone.post("/answer", {**form, "answer": "a"}).status == 403
        # Another phone's CSRF token with this phone's cookie: bound to the device, refused.
        other = s.phone()
        other.join("482913")
        other_form = other.get("/").hidden()
        phone.cookie = good
        assert phone.post("/answer", {**other_form, "answer": "a"}).status == 403
        no_cookie = s.phone()
        assert no_cookie.post("/answer", {**form, "answer": "a"}).status == 403
        assert s.rows() == []


def test_a_replayed_post_is_stored_once() -> None:
    with phone_session() as s:
        s.room.open_question(QUESTION)
        phone = s.phone()
        phone.join("482913")
        form = {**phone.get("/").hidden(), "answer": "Bara en gång"}
        assert phone.post("/answer", form).status == 200
        assert phone.post("/answer", form).status == 200  # the phone may say Skickat again
        assert s.rows("SELECT text FROM phone_answers") == [("Bara en gång",)]
        assert len(s.room.answers()) == 1


def test_a_form_for_a_question_no_longer_open_is_not_stored_under_the_new_one() -> None:
    with phone_session() as s:
        s.room.open_question(QUESTION)
        phone = s.phone()
        phone.join("482913")
        form = phone.get("/").hidden()
        s.room.open_question(prompt("m/nästa", "Nästa fråga"))
        reply = phone.post("/answer", {**form, "answer": "sent"})
        assert reply.status == 409 and "Nästa fråga" in reply.body
        assert s.rows() == []


def test_one_device_cannot_flood_the_moderation_list() -> None:
    with phone_session() as s:
        s.room.open_question(QUESTION)
        phone = s.phone()
        phone.join("482913")
        statuses = [phone.answer(f"svar {n}").status for n in range(21)]
        assert statuses[:20] == [200] * 20 and statuses[20] == 429
        assert len(s.rows()) == 20


def test_an_unknown_host_name_is_refused() -> None:
    with phone_session() as s:
        reply = s.phone().request("GET", "/", headers={"Host": "evil.example:80"})
        assert reply.status == 421


def test_skickat_only_after_commit_a_locked_database_gives_the_503_page() -> None:
    with phone_session(commit_timeout=5.0) as s:
        s.room.open_question(QUESTION)
        phone = s.phone()
        phone.join("482913")
        form = {**phone.get("/").hidden(), "answer": "Låst ute"}
        blocker = sqlite3.connect(s.storage.database_file, isolation_level=None)
        try:
            blocker.execute("BEGIN EXCLUSIVE")
            reply = phone.post("/answer", form)
        finally:
            blocker.execute("ROLLBACK")
            blocker.close()
        assert reply.status == 503
        assert "Det gick inte att skicka – försök igen" in reply.body
        assert "Skickat" not in reply.body
        assert s.rows() == []
        # The same answer offered again, with the same nonce: now it lands, once.
        again = reply.hidden()
        assert again["nonce"] == form["nonce"]
        assert phone.post("/answer", {**again, "answer": "Låst ute"}).status == 200
        assert s.rows("SELECT text FROM phone_answers") == [("Låst ute",)]
