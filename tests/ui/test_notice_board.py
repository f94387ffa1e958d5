"""Notices have owners: the disk recovering cannot hide the projector's message."""

from __future__ import annotations

from facilitator.ui.console.notice_board import NoticeBoard


def test_each_owner_withdraws_only_its_own_message(qtbot) -> None:
    board = NoticeBoard()
    qtbot.addWidget(board)
    board.show()
    board.post("projector", "Projektorn kopplades bort.")
    board.post("storage", "Disken är full.", "Spara en kopia…", lambda: None)
    assert board.text.text() == "Disken är full." and board.button.isVisibleTo(board)
    board.withdraw("storage")  # the disk took the writes again
    assert board.isVisibleTo(board.parentWidget() or board)
    assert board.text.text() == "Projektorn kopplades bort."
    assert not board.button.isVisibleTo(board)
    board.withdraw("storage")  # twice changes nothing
    assert board.text.text() == "Projektorn kopplades bort."
    board.withdraw("projector")
    assert board.isHidden()


def test_a_newer_message_from_the_same_owner_replaces_the_older(qtbot) -> None:
    board = NoticeBoard()
    qtbot.addWidget(board)
    acted: list[str] = []
    board.post("projector", "Ingen andra skärm hittades.")
    board.post("projector", "En skärm anslöts.", "Visa på projektorn", lambda: acted.append("yes"))
    board.button.click()
    assert acted == ["yes"]
    assert board.isHidden()  # the answered message is gone, and the older one with it
