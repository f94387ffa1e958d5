"""Things the engine noticed between two polls, reported once so a cue plays once."""

from __future__ import annotations

from dataclasses import dataclass

from facilitator.core.session.json_fields import FormatError, JsonDict, read_str


@dataclass(frozen=True)
class LastMinute:
    """The step's remaining time crossed one minute.

    Steps planned for a minute or less never cross it, so they get no warning.
    """

    key: str


@dataclass(frozen=True)
class StepTimeUp:
    """The step's time ran out (remaining crossed zero).

    Reported even when the leader moved on before the next poll; compare `key` with the current
    step to decide whether a cue still makes sense.
    """

    key: str


EngineEvent = LastMinute | StepTimeUp

_NAMES: dict[type[EngineEvent], str] = {LastMinute: "last_minute", StepTimeUp: "time_up"}
_TYPES: dict[str, type[EngineEvent]] = {name: kind for kind, name in _NAMES.items()}


def event_to_dict(event: EngineEvent) -> JsonDict:
    return {"type": _NAMES[type(event)], "key": event.key}


def event_from_dict(data: JsonDict) -> EngineEvent:
    name = read_str(data, "type")
    if name not in _TYPES:
        raise FormatError(f"unknown engine event {name!r}")
    return _TYPES[name](key=read_str(data, "key"))
