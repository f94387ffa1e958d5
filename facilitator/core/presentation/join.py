"""The projector's join panel (issue 20): how a phone in the room reaches the session — a QR
code for the address, the short address and the room code — and where on the card it goes.

The QR code is computed here, once, as plain rows of booleans; the UI only paints squares, so
a test can read the code back from the pixels without trusting the painter's maths."""

from __future__ import annotations

import math
from dataclasses import dataclass

from facilitator.core.i18n import _

QUIET_MODULES = 4
"""The white border a camera needs around the code (the QR standard's quiet zone)."""
QR_MODULES_SHARE = 0.26
"""The code's modules alone, without the quiet zone, as a share of the screen height: over a
quarter, scannable from the back of a room."""
_EDGE_SHARE = 0.03


@dataclass(frozen=True)
class JoinPanel:
    address: str
    """What the code holds: the full address the server answers on."""
    code: str
    """The room code's digits."""
    modules: tuple[tuple[bool, ...], ...]
    """The QR code's dark (True) and light modules, row by row, without the quiet zone."""

    @property
    def short_address(self) -> str:
        """The address as the room types it: no trailing slash."""
        return self.address.rstrip("/")

    @property
    def code_line(self) -> str:
        return _("Kod: {code}").format(code=spaced_code(self.code))


def join_panel(address: str, code: str) -> JoinPanel:
    return JoinPanel(address, code, qr_modules(address))


def qr_modules(text: str) -> tuple[tuple[bool, ...], ...]:
    # Level M: a smudged or glare-struck projector image still reads; micro codes are not
    # read by every phone's camera.
    # Imported here, when the phones are first on: segno holds some 9 MB of tables, which
    # every session would carry otherwise (the film session's memory target is 200 MB).
    import segno  # noqa: PLC0415

    symbol = segno.make(text, error="m", micro=False)
    return tuple(tuple(bool(cell) for cell in row) for row in symbol.matrix)


def spaced_code(code: str) -> str:
    """ "482913" reads "482 913": groups of three, the way people read numbers aloud."""
    groups = [code[max(0, end - 3) : end] for end in range(len(code), 0, -3)]
    return " ".join(reversed(groups))


@dataclass(frozen=True)
class JoinBox:
    """Where the panel goes on a screen: a column at the right edge holding the code and
    address lines with the QR code under them, in the bottom corner; ``aside`` is the width
    the column takes off the card's text."""

    left: int
    column: int
    qr_x: int
    qr_y: int
    qr_side: int
    text_top: int
    edge: int

    @property
    def aside(self) -> int:
        return self.column + 2 * self.edge


def join_box(width: int, height: int, modules: int, lines_height: int, lines_width: int) -> JoinBox:
    """``modules``: the code's modules across; ``lines_height``/``lines_width``: what the code
    and address lines take above it. The code's side is a whole number of pixels per module,
    so every module is drawn the same size."""
    edge = round(height * _EDGE_SHARE)
    module = math.ceil(height * QR_MODULES_SHARE / max(1, modules))
    side = module * (modules + 2 * QUIET_MODULES)
    column = max(side, lines_width)
    left = width - edge - column
    qr_y = height - edge - side
    return JoinBox(left, column, left + (column - side) // 2, qr_y, side, qr_y - lines_height, edge)
