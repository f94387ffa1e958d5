"""The join panel on the projector (issue 20): a phone's camera reads the address from the
QR code as drawn, at the sizes a room has; the code and the address are there to type; the
question keeps its place and nothing of the panel covers it."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from facilitator.core.presentation.cards import (
    CardKind,
    ProjectorCard,
    phone_answers_card,
    with_join,
)
from facilitator.core.presentation.join import join_panel
from facilitator.core.session.status import StepPhase
from facilitator.ui.projector.projector_view import ProjectorView, plain_text

ADDRESS = "http://192.168.1.23:8765/"
QUESTION = "Hur kan det märkas i ditt arbete att människor har lärt sig olika syn på tid?"
PROMPT = ProjectorCard(CardKind.PROMPT, body=QUESTION, meta="Samtal i par · 5 min", countdown=True)
PANEL = join_panel(ADDRESS, "482913")


def shown(qtbot, width: int, height: int) -> ProjectorView:
    view = ProjectorView()
    qtbot.addWidget(view)
    view.resize(width, height)
    view.show()
    return view


def decoded(view: ProjectorView, folder: Path) -> list[str]:
    picture = folder / "projector.png"
    assert view.grab().save(str(picture))
    result = subprocess.run(
        ["zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", str(picture)],
        capture_output=True,
        text=True,
        check=False,
    )
    return result.stdout.split()


@pytest.mark.skipif(shutil.which("zbarimg") is None, reason="zbar-tools is not installed")
@pytest.mark.parametrize("size", [(1920, 1080), (1024, 768)])
def test_a_camera_reads_the_address_from_the_projector(qtbot, tmp_path, size) -> None:
    width, height = size
    view = shown(qtbot, width, height)
    view.show_card(with_join(PROMPT, PANEL))
    view.set_countdown("5:00", StepPhase.NORMAL)
    qtbot.waitUntil(view.join.qr.isVisible)

    assert decoded(view, tmp_path) == [ADDRESS]
    text = view.visible_text()
    assert "Kod: 482 913" in text
    assert "http://192.168.1.23:8765" in text
    assert view.page_count == 1, "the panel must leave the question room to stay whole"
    assert QUESTION in plain_text(view.body).replace("\n", " ")

    qr = view.join.qr.geometry()
    # Modules alone (no quiet zone) over a quarter of the height: readable from the back.
    modules = len(PANEL.modules)
    module_px = qr.height() // (modules + 8)
    assert module_px * modules >= height * 0.25
    assert qr.right() < width and qr.bottom() < height
    # Nothing of the panel lies over the question, the format line or the countdown.
    panel = qr.united(view.join.code.geometry()).united(view.join.address.geometry())
    for label in (view.body, view.meta, view.countdown, view.heading):
        if label.isVisible():
            assert not panel.intersects(label.geometry()), label.objectName()


def test_dark_and_light_modules_stay_black_on_white(qtbot) -> None:
    view = shown(qtbot, 1920, 1080)
    view.show_card(with_join(PROMPT, PANEL))
    qtbot.waitUntil(view.join.qr.isVisible)
    image = view.grab().toImage()
    qr = view.join.qr.geometry()
    corner = image.pixelColor(qr.left() + 2, qr.top() + 2)  # the quiet zone
    assert (corner.red(), corner.green(), corner.blue()) == (255, 255, 255)
    cells = len(PANEL.modules) + 8
    module = qr.width() // cells
    offset = (qr.width() - module * cells) // 2
    # The finder pattern's corner module, top left of the code: black.
    x = qr.left() + offset + 4 * module + module // 2
    y = qr.top() + offset + 4 * module + module // 2
    dark = image.pixelColor(x, y)
    assert (dark.red(), dark.green(), dark.blue()) == (0, 0, 0)


def test_no_panel_on_a_card_the_phones_do_not_answer_or_with_the_phones_off(qtbot) -> None:
    view = shown(qtbot, 1920, 1080)
    text_card = ProjectorCard(CardKind.TEXT, heading="Välkomna", body="Kort text.")
    view.show_card(with_join(text_card, PANEL))
    assert not view.join.qr.isVisible()
    assert "Kod:" not in view.visible_text()
    view.show_card(with_join(PROMPT, None))
    assert not view.join.qr.isVisible()
    view.show_card(with_join(PROMPT, PANEL))
    assert view.join.qr.isVisible()
    view.show_card(with_join(PROMPT, None))
    assert not view.join.qr.isVisible()


def test_approved_answers_show_as_written_without_markup(qtbot) -> None:
    view = shown(qtbot, 1920, 1080)
    texts = ("<b>fet</b> text", "<script>alert(1)</script>", "Vi lyssnar & frågar")
    view.show_card(phone_answers_card(texts))
    shown_text = view.visible_text()
    assert "Från gruppens mobiler" in shown_text
    for text in texts:
        assert text in shown_text
