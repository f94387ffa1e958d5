"""The drawn places a dialogue scene happens in: a wall, a floor and a few pieces of
furniture, flat and quiet so that the people stay what the eye goes to.

A backdrop has a back layer (behind the people), a front layer (a counter or a table in front
of them) and says who sits: whoever is behind a table is drawn seated, so the table hides
their legs the way a real one would.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from facilitator.core.films.stills import Box, Color, Ellipse, Line, Polygon, RoundRect, Shape

__all__ = ["WALL", "Backdrop", "Room", "draw_backdrop"]

WALL: Color = (33, 49, 85, 255)
FLOOR: Color = (25, 38, 67, 255)
FURNITURE: Color = (70, 90, 130, 255)
FURNITURE_TOP: Color = (92, 114, 158, 255)
WOOD: Color = (118, 94, 76, 255)
WOOD_TOP: Color = (140, 114, 92, 255)
WINDOW: Color = (60, 90, 136, 255)
FRAME: Color = (112, 132, 170, 255)
PLANT: Color = (84, 132, 106, 255)
BOARD: Color = (38, 70, 62, 255)
CHALK: Color = (170, 190, 180, 255)
PALE: Color = (226, 221, 210, 255)
SKY: Color = (44, 66, 108, 255)
GRASS: Color = (46, 74, 70, 255)


@dataclass(frozen=True)
class Room:
    """Where the scene is drawn: its frame, the wall's foot, where feet stand, the people's
    places left to right and the scale (1.0 at 720 pixels high)."""

    box: Box
    horizon: float
    floor: float
    slots: tuple[float, ...]
    scale: float
    figure: float  # a person's standing height in pixels

    @property
    def left(self) -> float:
        return self.box[0]

    @property
    def right(self) -> float:
        return self.box[2]

    def s(self, value: float) -> float:
        return value * self.scale

    def width(self, value: float) -> int:
        return max(1, round(value * self.scale))


@dataclass(frozen=True)
class Backdrop:
    back: list[Shape]
    front: list[Shape]
    seated: tuple[bool, ...]


def _ground(room: Room, wall: Color = WALL, floor: Color = FLOOR) -> list[Shape]:
    x0, y0, x1, _y1 = room.box
    return [
        RoundRect(room.box, room.s(18), floor),
        RoundRect((x0, y0, x1, room.horizon + room.s(18)), room.s(18), wall),
        RoundRect((x0, room.horizon, x1, room.horizon + room.s(18)), 0, floor),
        Line(((x0, room.horizon), (x1, room.horizon)), FRAME, room.width(2)),
    ]


def _window(room: Room, x: float, w: float, top: float, h: float) -> list[Shape]:
    box = (x, top, x + w, top + h)
    return [
        RoundRect(box, room.s(6), WINDOW, FRAME, room.width(4)),
        Line(((x + w / 2, top), (x + w / 2, top + h)), FRAME, room.width(3)),
        Line(((x, top + h / 2), (x + w, top + h / 2)), FRAME, room.width(3)),
    ]


def _plant(room: Room, x: float) -> list[Shape]:
    base = room.horizon + room.s(40)
    shapes: list[Shape] = [
        RoundRect((x - room.s(22), base - room.s(44), x + room.s(22), base), room.s(6), WOOD)
    ]
    for dx, dy, r in ((0, -88, 34), (-24, -66, 26), (24, -68, 26)):
        cx, cy, rr = x + room.s(dx), base + room.s(dy), room.s(r)
        shapes.append(Ellipse((cx - rr, cy - rr, cx + rr, cy + rr), PLANT))
    return shapes


def _table(room: Room, x0: float, x1: float, top: float, colour: Color, edge: Color) -> list[Shape]:
    """A table or counter seen from the front: a top edge and a panel down to the floor."""
    return [
        RoundRect((x0, top + room.s(10), x1, room.floor + room.s(6)), room.s(6), colour),
        RoundRect((x0 - room.s(10), top, x1 + room.s(10), top + room.s(16)), room.s(6), edge),
    ]


def _cup(room: Room, x: float, table_top: float) -> list[Shape]:
    w, h = room.s(18), room.s(22)
    return [
        Ellipse(
            (x + w * 0.6, table_top - h * 0.8, x + w * 1.3, table_top - h * 0.25),
            None,
            PALE,
            room.width(3),
        ),
        RoundRect((x - w / 2, table_top - h, x + w * 0.9, table_top + room.s(2)), room.s(4), PALE),
    ]


def _reception(room: Room) -> Backdrop:
    first = room.slots[0]
    top = room.floor - room.figure * 0.4
    back = _ground(room) + _plant(room, room.right - room.s(60))
    # A sign above the desk: three pale lines, no words to read.
    sx, sy = first - room.s(80), room.box[1] + room.s(40)
    back.append(RoundRect((sx, sy, sx + room.s(160), sy + room.s(56)), room.s(8), FURNITURE))
    for row in range(2):
        y = sy + room.s(20 + row * 16)
        back.append(
            Line(((sx + room.s(22), y), (sx + room.s(138 - row * 40), y)), PALE, room.width(4))
        )
    front = _table(room, first - room.s(120), first + room.s(120), top, WOOD, WOOD_TOP)
    seated = tuple(index == 0 for index in range(len(room.slots)))
    return Backdrop(back, front, seated)


def _office(room: Room) -> Backdrop:
    first = room.slots[0]
    top = room.floor - room.figure * 0.3
    back = _ground(room) + _window(
        room, room.right - room.s(260), room.s(170), room.box[1] + room.s(36), room.s(130)
    )
    # A bookshelf: a frame and a few upright books.
    bx, by = room.left + room.s(36), room.box[1] + room.s(60)
    back.append(RoundRect((bx, by, bx + room.s(90), room.horizon), room.s(4), WOOD))
    for shelf in range(3):
        y = by + room.s(12 + shelf * 62)
        back.append(
            RoundRect((bx + room.s(8), y, bx + room.s(82), y + room.s(50)), room.s(2), FURNITURE)
        )
    screen = first + room.s(60)
    front = _table(room, first - room.s(110), first + room.s(130), top, WOOD, WOOD_TOP)
    front += [
        RoundRect(
            (screen, top - room.s(70), screen + room.s(90), top - room.s(12)),
            room.s(6),
            FURNITURE_TOP,
            FRAME,
            room.width(3),
        ),
        RoundRect((screen + room.s(38), top - room.s(14), screen + room.s(52), top), 0, FRAME),
    ]
    return Backdrop(back, front, tuple(index == 0 for index in range(len(room.slots))))


def _long_table(room: Room, colour: Color, edge: Color) -> tuple[list[Shape], float]:
    top = room.floor - room.figure * 0.3
    span = room.s(95)
    return _table(room, room.slots[0] - span, room.slots[-1] + span, top, colour, edge), top


def _break_room(room: Room) -> Backdrop:
    back = _ground(room)
    back += _window(
        room, room.left + room.s(60), room.s(200), room.box[1] + room.s(36), room.s(140)
    )
    back += _plant(room, room.right - room.s(60))
    front, top = _long_table(room, WOOD, WOOD_TOP)
    for x in room.slots:
        front += _cup(room, x + room.s(52), top + room.s(4))
    return Backdrop(back, front, tuple(True for _x in room.slots))


def _meeting_room(room: Room) -> Backdrop:
    back = _ground(room)
    # A screen on the wall, blank but for a thin accent bar: a meeting, not a presentation.
    mid = (room.left + room.right) / 2
    sy = room.box[1] + room.s(34)
    back.append(
        RoundRect(
            (mid - room.s(150), sy, mid + room.s(150), sy + room.s(150)),
            room.s(6),
            FURNITURE,
            FRAME,
            room.width(3),
        )
    )
    front, top = _long_table(room, FURNITURE, FURNITURE_TOP)
    for x in room.slots:
        px = x - room.s(30)
        front.append(
            Polygon(
                (
                    (px, top + room.s(2)),
                    (px + room.s(44), top + room.s(2)),
                    (px + room.s(52), top + room.s(12)),
                    (px + room.s(8), top + room.s(12)),
                ),
                PALE,
            )
        )
    return Backdrop(back, front, tuple(True for _x in room.slots))


def _classroom(room: Room) -> Backdrop:
    back = _ground(room)
    mid = (room.left + room.right) / 2
    by = room.box[1] + room.s(30)
    back.append(
        RoundRect(
            (mid - room.s(300), by, mid + room.s(300), by + room.s(170)),
            room.s(6),
            BOARD,
            WOOD,
            room.width(8),
        )
    )
    for row in range(3):
        y = by + room.s(44 + row * 40)
        back.append(
            Line(
                ((mid - room.s(250), y), (mid - room.s(250) + room.s(300 - row * 70), y)),
                CHALK,
                room.width(3),
            )
        )
    return Backdrop(back, [], tuple(False for _x in room.slots))


def _home(room: Room) -> Backdrop:
    back = _ground(room, wall=(40, 50, 82, 255))
    mid = (room.left + room.right) / 2
    py = room.box[1] + room.s(44)
    back.append(
        RoundRect(
            (mid - room.s(90), py, mid + room.s(90), py + room.s(110)),
            room.s(4),
            WINDOW,
            WOOD_TOP,
            room.width(6),
        )
    )
    back.append(
        Polygon(
            (
                (mid - room.s(70), py + room.s(96)),
                (mid - room.s(20), py + room.s(50)),
                (mid + room.s(20), py + room.s(80)),
                (mid + room.s(40), py + room.s(62)),
                (mid + room.s(72), py + room.s(96)),
            ),
            PLANT,
        )
    )
    # A lamp on the right: a stand and a warm shade.
    lx = room.right - room.s(70)
    back.append(
        Line(
            ((lx, room.horizon + room.s(60)), (lx, room.box[1] + room.s(120))), FRAME, room.width(4)
        )
    )
    back.append(
        Polygon(
            (
                (lx - room.s(36), room.box[1] + room.s(124)),
                (lx - room.s(22), room.box[1] + room.s(76)),
                (lx + room.s(22), room.box[1] + room.s(76)),
                (lx + room.s(36), room.box[1] + room.s(124)),
            ),
            (214, 176, 104, 255),
        )
    )
    x0, x1 = room.slots[0] - room.s(110), room.slots[-1] + room.s(110)
    seat = room.floor - room.figure * 0.3
    sofa: Color = (70, 86, 122, 255)
    back.append(RoundRect((x0, seat - room.s(150), x1, seat + room.s(20)), room.s(26), sofa))
    front: list[Shape] = [
        RoundRect(
            (x0 + room.s(24), seat, x1 - room.s(24), seat + room.s(34)),
            room.s(12),
            (84, 100, 138, 255),
        ),
        RoundRect(
            (x0 - room.s(16), seat - room.s(70), x0 + room.s(34), seat + room.s(40)),
            room.s(18),
            sofa,
        ),
        RoundRect(
            (x1 - room.s(34), seat - room.s(70), x1 + room.s(16), seat + room.s(40)),
            room.s(18),
            sofa,
        ),
    ]
    return Backdrop(back, front, tuple(True for _x in room.slots))


def _corridor(room: Room) -> Backdrop:
    x0, y0, x1, _y1 = room.box
    mid = (x0 + x1) / 2
    back = _ground(room)
    # The far end of the corridor and the lines of its walls running towards it.
    end = (mid - room.s(110), y0 + room.s(70), mid + room.s(110), room.horizon - room.s(20))
    back.append(RoundRect(end, room.s(4), (42, 60, 100, 255), FRAME, room.width(2)))
    for ex, wx in ((end[0], x0 + room.s(20)), (end[2], x1 - room.s(20))):
        back.append(Line(((ex, end[3]), (wx, room.horizon + room.s(60))), FRAME, room.width(2)))
        back.append(Line(((ex, end[1]), (wx, y0 + room.s(10))), FRAME, room.width(2)))
    for dx in (-330, 250):
        door = mid + room.s(dx)
        back.append(
            RoundRect(
                (door, y0 + room.s(80), door + room.s(80), room.horizon),
                room.s(4),
                WOOD,
                WOOD_TOP,
                room.width(3),
            )
        )
        back.append(
            Ellipse(
                (
                    door + room.s(62),
                    room.s(6) + (y0 + room.horizon) / 2,
                    door + room.s(72),
                    room.s(16) + (y0 + room.horizon) / 2,
                ),
                PALE,
            )
        )
    return Backdrop(back, [], tuple(False for _x in room.slots))


def _tree(room: Room, x: float, size: float) -> list[Shape]:
    trunk = room.s(14 * size)
    crown = room.s(70 * size)
    base = room.horizon + room.s(30)
    return [
        RoundRect((x - trunk, base - room.s(150 * size), x + trunk, base), trunk, WOOD),
        Ellipse(
            (
                x - crown,
                base - room.s(150 * size) - crown * 1.4,
                x + crown,
                base - room.s(150 * size) + crown * 0.6,
            ),
            PLANT,
        ),
    ]


def _outdoors(room: Room) -> Backdrop:
    back = _ground(room, wall=SKY, floor=GRASS)
    back += _tree(room, room.left + room.s(90), 1.0) + _tree(room, room.right - room.s(110), 1.2)
    # A bench behind the people, so they stand in front of it.
    mid = (room.left + room.right) / 2
    seat = room.horizon + room.s(40)
    back.append(
        RoundRect(
            (mid - room.s(160), seat - room.s(56), mid + room.s(160), seat - room.s(34)),
            room.s(6),
            WOOD_TOP,
        )
    )
    back.append(
        RoundRect((mid - room.s(170), seat, mid + room.s(170), seat + room.s(16)), room.s(6), WOOD)
    )
    for leg in (-150, 140):
        back.append(
            RoundRect((mid + room.s(leg), seat, mid + room.s(leg + 10), seat + room.s(50)), 0, WOOD)
        )
    return Backdrop(back, [], tuple(False for _x in room.slots))


_SETTINGS: dict[str, Callable[[Room], Backdrop]] = {
    "reception": _reception,
    "office": _office,
    "break-room": _break_room,
    "meeting-room": _meeting_room,
    "classroom": _classroom,
    "home": _home,
    "corridor": _corridor,
    "outdoors": _outdoors,
}


def draw_backdrop(setting: str, room: Room) -> Backdrop:
    return _SETTINGS[setting](room)
