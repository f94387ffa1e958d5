"""How libVLC's and ALSA's messages are summarised into the app's log (no libVLC needed)."""

from __future__ import annotations

import logging

import pytest

from facilitator.ui.video.vlc_log import MessageSummary


@pytest.fixture
def summary(caplog: pytest.LogCaptureFixture) -> MessageSummary:
    caplog.set_level(logging.DEBUG, logger="test.vlc")
    return MessageSummary(logging.getLogger("test.vlc"))


def test_a_session_without_sound_card_is_one_warning(
    summary: MessageSummary, caplog: pytest.LogCaptureFixture
) -> None:
    for _ in range(129):  # what three seconds of film gave on a machine without one
        summary.audio_failure("ALSA lib confmisc.c:855:(parse_card) cannot find card '%s'")
        summary.vlc_message(4, 'cannot open ALSA device "default": No such file or directory')
        summary.vlc_message(4, "module not functional")
        summary.vlc_message(4, "failed to create audio output")
    assert [r.levelname for r in caplog.records] == ["WARNING"]
    assert "No working audio output" in caplog.records[0].getMessage()
    assert "cannot find card" in caplog.records[0].getMessage()
    assert summary.suppressed == 129 * 4 - 1


def test_other_messages_are_logged_once_each(
    summary: MessageSummary, caplog: pytest.LogCaptureFixture
) -> None:
    summary.vlc_message(0, "looking for demux module")  # debug: dropped
    summary.vlc_message(3, "STTS table of 1 entries")
    summary.vlc_message(3, "STTS table of 2 entries")  # the same message with other numbers
    summary.vlc_message(4, "buffer deadlock prevented")
    summary.vlc_message(4, "buffer deadlock prevented")
    # A film's own audio track is not the computer's audio output.
    summary.vlc_message(4, "too low audio sample frequency (0)")
    assert [(r.levelname, r.getMessage()) for r in caplog.records] == [
        ("INFO", "libVLC: STTS table of 1 entries"),
        ("WARNING", "libVLC: buffer deadlock prevented"),
        ("WARNING", "libVLC: too low audio sample frequency (0)"),
    ]
