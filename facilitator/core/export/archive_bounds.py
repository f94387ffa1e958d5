"""The bounds an archive from another computer must keep, and the cleaning of its text.

An archive is a file anyone can write, so reading one checks every count, length, number and
time against what a real session could hold; anything beyond is refused with a reason, never
stored (a 40 MB "reflection" would make the summary PDF run for minutes). Text is cleaned
with ``clean_user_text`` as it enters.

The checks run only when an archive is *read* (``Archive.model_validate(data,
context=READING)``): the same models describe the archive this computer writes, and writing
must never fail on a long reflection the leader typed here.
"""

from __future__ import annotations

import itertools
import operator
import re
from collections import Counter
from collections.abc import Callable, Sized
from datetime import datetime
from typing import Annotated, Any, TypeVar

from pydantic import AfterValidator, ValidationInfo
from pydantic_core import PydanticCustomError

from facilitator.core.i18n import _
from facilitator.core.user_text import clean_user_text

READING = {"facilitator_archive_reading": True}

MAX_ARCHIVE_BYTES = 20_000_000
MAX_DEPTH = 20  # a real archive nests 5 deep
MAX_NUMBER_CHARS = 20
MAX_REFLECTION_CHARS = 20_000
MAX_PROMPT_CHARS = 20_000  # a module may ask at length
MAX_LINE_CHARS = 5_000  # titles, names, places, questions, option texts
MAX_KEY_CHARS = 200  # step keys, module and question ids
MAX_PLAN_CHARS = 2_000_000
MAX_COUNT = 100_000  # people in one session, answers to one option
MAX_SECONDS = 7 * 24 * 3600
MAX_OPTION_INDEX = 99
MAX_MODULES = 100
MAX_STEPS = 1_000
MAX_REFLECTIONS = 10_000
MAX_QUESTIONS = 200
MAX_OPTIONS = 50
FIRST_YEAR, LAST_YEAR = 1970, 2200

# Letters, digits, - and _: what uuid4 ids are made of. No dots, slashes or spaces, so an id
# can never be read as a path wherever it is used.
_UUID = re.compile(r"[A-Za-z0-9_-]{1,100}")
_JSON_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"')
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")
_STEP = bytes.maketrans(b"[]{}", b"\x02\x00\x02\x00")

T = TypeVar("T")


def reading(info: ValidationInfo) -> bool:
    context = info.context
    return isinstance(context, dict) and bool(context.get("facilitator_archive_reading"))


def _refuse(message: str) -> PydanticCustomError:
    # The message is already Swedish; braces in it must not be taken for placeholders.
    return PydanticCustomError("archive_bound", message.replace("{", "(").replace("}", ")"))


def _text(limit: int) -> Callable[[str, ValidationInfo], str]:
    def check(value: str, info: ValidationInfo) -> str:
        if not reading(info):
            return value
        if len(value) > limit:
            raise _refuse(
                _("texten är längre än {limit} tecken").format(limit=f"{limit:,}".replace(",", " "))
            )
        return clean_user_text(value)

    return check


def _at_most(limit: int) -> Callable[[T, ValidationInfo], T]:
    def check(value: T, info: ValidationInfo) -> T:
        if reading(info) and isinstance(value, Sized) and len(value) > limit:
            raise _refuse(_("fler än {limit} poster").format(limit=limit))
        return value

    return check


def _number(limit: int) -> Callable[[int, ValidationInfo], int]:
    def check(value: int, info: ValidationInfo) -> int:
        if reading(info) and not 0 <= value <= limit:
            raise _refuse(_("talet ska vara mellan 0 och {limit}").format(limit=limit))
        return value

    return check


def _moment(value: datetime, info: ValidationInfo) -> datetime:
    if not reading(info):
        return value
    if value.tzinfo is None or value.utcoffset() is None:
        raise _refuse(_("tiden saknar tidszon"))
    # Years at the ends of the calendar overflow when converted to UTC for storage.
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise _refuse(
            _("året ska vara mellan {first} och {last}").format(first=FIRST_YEAR, last=LAST_YEAR)
        )
    return value


def _uuid(value: str, info: ValidationInfo) -> str:
    if reading(info) and not _UUID.fullmatch(value):
        raise _refuse(_("ogiltigt id"))
    return value


def limited(limit: int) -> Any:
    return AfterValidator(_at_most(limit))


Uuid = Annotated[str, AfterValidator(_uuid)]
Line = Annotated[str, AfterValidator(_text(MAX_LINE_CHARS))]
Key = Annotated[str, AfterValidator(_text(MAX_KEY_CHARS))]
Prompt = Annotated[str, AfterValidator(_text(MAX_PROMPT_CHARS))]
ReflectionText = Annotated[str, AfterValidator(_text(MAX_REFLECTION_CHARS))]
PlanText = Annotated[str, AfterValidator(_text(MAX_PLAN_CHARS))]
Count = Annotated[int, AfterValidator(_number(MAX_COUNT))]
Seconds = Annotated[int, AfterValidator(_number(MAX_SECONDS))]
OptionIndex = Annotated[int, AfterValidator(_number(MAX_OPTION_INDEX))]
Moment = Annotated[datetime, AfterValidator(_moment)]


def nesting_depth(raw: bytes) -> int:
    """How deep JSON brackets nest, outside strings, counted without recursion (the JSON
    parser recurses, and 200,000 brackets would overflow it)."""
    outside = _JSON_STRING.sub(b"", raw).translate(None, _NOT_BRACKETS)
    steps = outside.translate(_STEP)  # an opening bracket 2, a closing one 0
    # depth after n brackets = opened - closed = sum(steps) - n
    return max(map(operator.sub, itertools.accumulate(steps), itertools.count(1)), default=0)


def refuse_duplicates(values: list[Any], what: str) -> None:
    repeated = sorted(str(v) for v, n in Counter(values).items() if n > 1)
    if repeated:
        raise ValueError(
            _("{what} förekommer mer än en gång: {which}").format(
                what=what, which=", ".join(repeated[:3])
            )
        )
