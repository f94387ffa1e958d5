"""Things the engine noticed between two polls, reported once so a cue plays once."""

from __future__ import annotations

from dataclasses import dataclass

from facilitator.core.session.json_fields import FormatError, JsonDict, read_int, read_str


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


@dataclass(frozen=True)
class PhaseChanged:
    """A talk with phases (phases.py) moved on to phase `index`: its time came, or the leader
    skipped the one before. Reported once per boundary, so the soft cue plays once."""

    key: str
    index: int


EngineEvent = LastMinute | StepTimeUp | PhaseChanged

_NAMES: dict[type[EngineEvent], str] = {
    LastMinute: "last_minute",
    StepTimeUp: "time_up",
    PhaseChanged: "phase_changed",
}


def event_to_dict(event: EngineEvent) -> JsonDict:
    data: JsonDict = {"type": _NAMES[type(event)], "key": event.key}
    if isinstance(event, PhaseChanged):
        data["index"] = event.index
    return data


def event_from_dict(data: JsonDict) -> EngineEvent:
    name = read_str(data, "type")
    key = read_str(data, "key")
    if name == "last_minute":
        return LastMinute(key)
    if name == "time_up":
        return StepTimeUp(key)
    if name == "phase_changed":
        return PhaseChanged(key, read_int(data, "index"))
    raise FormatError(f"unknown engine event {name!r}")
