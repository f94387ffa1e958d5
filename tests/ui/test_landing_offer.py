"""Running late: the console offers a way to land on time and applies it only when asked."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from facilitator.ui.console.landing_offer import LandingOffer
from tests.ui.session_fixtures import build_session


def test_late_session_gets_an_offer_applied_only_on_request(qtbot, monkeypatch) -> None:
    _m, clock, engine, console, _p, controller, _ = build_session(qtbot)
    offer = LandingOffer(controller.service, console)
    controller.start()
    clock.advance(14 * 60)  # the 5-minute welcome runs 9 minutes over
    offer.check()
    assert console.notices.isVisible()
    assert "efter plan" in console.notices.text.text()
    before = engine.plan
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Cancel)
    console.notices.button.click()
    assert engine.plan == before  # nothing changes without the leader's yes
    clock.advance(4 * 60)
    offer.check()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Apply)
    console.notices.button.click()
    assert engine.plan.total_minutes < before.total_minutes
    assert engine.landings
