"""Typed reads from JSON-decoded dicts.

Plans and engine states come back from files that may be old, hand-edited or half-written by a
crash; each read checks its type so a bad file fails with the field's name instead of a
confusing error far away.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

JsonDict = dict[str, Any]


class FormatError(ValueError):
    """A stored plan, proposal or engine state cannot be read."""


def require(data: Mapping[str, Any], key: str) -> Any:
    if key not in data:
        raise FormatError(f"missing field {key!r}")
    return data[key]


def read_str(data: Mapping[str, Any], key: str) -> str:
    value = require(data, key)
    if not isinstance(value, str):
        raise FormatError(f"field {key!r} must be a string")
    return value


def read_optional_str(data: Mapping[str, Any], key: str) -> str | None:
    value = data.get(key)
    if value is not None and not isinstance(value, str):
        raise FormatError(f"field {key!r} must be a string or null")
    return value


def read_bool(data: Mapping[str, Any], key: str, default: bool | None = None) -> bool:
    if key not in data and default is not None:
        return default
    value = require(data, key)
    if not isinstance(value, bool):
        raise FormatError(f"field {key!r} must be true or false")
    return value


def read_optional_bool(data: Mapping[str, Any], key: str) -> bool | None:
    value = data.get(key)
    if value is not None and not isinstance(value, bool):
        raise FormatError(f"field {key!r} must be true, false or null")
    return value


def read_int(data: Mapping[str, Any], key: str) -> int:
    value = require(data, key)
    # bool is an int in Python; a stored `true` where minutes belong is corruption.
    if isinstance(value, bool) or not isinstance(value, int):
        raise FormatError(f"field {key!r} must be a whole number")
    return value


def read_optional_int(data: Mapping[str, Any], key: str) -> int | None:
    return None if data.get(key) is None else read_int(data, key)


def read_float(data: Mapping[str, Any], key: str) -> float:
    value = require(data, key)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise FormatError(f"field {key!r} must be a number")
    return float(value)


def read_list(data: Mapping[str, Any], key: str) -> list[Any]:
    value = require(data, key)
    if not isinstance(value, list):
        raise FormatError(f"field {key!r} must be a list")
    return value


def read_dict(data: Mapping[str, Any], key: str) -> dict[str, Any]:
    value = require(data, key)
    if not isinstance(value, dict):
        raise FormatError(f"field {key!r} must be an object")
    return value


def as_dict(value: Any, what: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise FormatError(f"{what} must be an object")
    return value


def read_time(data: Mapping[str, Any], key: str) -> datetime | None:
    text = read_optional_str(data, key)
    if text is None:
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError as error:
        raise FormatError(f"field {key!r} is not an ISO date and time") from error
    if moment.tzinfo is None:
        raise FormatError(f"field {key!r} has no time zone")
    return moment


def write_time(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat()


def check_schema(data: Mapping[str, Any], supported: int, what: str) -> None:
    version = read_int(data, "schema_version")
    if version > supported:
        raise FormatError(
            f"{what} has schema_version {version}; this version of the app reads up to {supported}"
        )
    if version < 1:
        raise FormatError(f"{what} has an invalid schema_version {version}")
