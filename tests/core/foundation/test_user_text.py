from facilitator.core.user_text import clean_user_text


def test_removes_what_cannot_be_stored_or_printed() -> None:
    assert clean_user_text("a\ud800b\x00c\x07d\x1be\x7ff\x85g") == "abcdefg"


def test_keeps_line_breaks_tabs_and_every_script() -> None:
    text = "مرحباً\nنتدرّب\tወይዘሮ 😀 \u2067x\u2069 café"
    assert clean_user_text(text) == text


def test_carriage_returns_become_newlines() -> None:
    assert clean_user_text("a\r\nb\rc") == "a\nb\nc"
