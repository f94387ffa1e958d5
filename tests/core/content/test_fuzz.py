"""Malformed manifests of every kind: the answer is always problems, never an exception."""

from __future__ import annotations

import copy
import tempfile
import tomllib
from pathlib import Path
from typing import Any

import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facilitator.core.content.loader import load_manifest, parse_manifest
from facilitator.core.content.validate import validate_module

from .conftest import EXAMPLE, complete_module

TEXT = (EXAMPLE / "module.toml").read_text(encoding="utf-8")
VALID: dict[str, Any] = tomllib.loads(TEXT)
KEYS = sorted(
    {"id", "kind", "minutes", "steps", "variants", "film", "file", "title", "sv", "en", "at"}
    | set(VALID)
)

FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

scalars = (
    st.integers(-(2**63), 2**63 - 1)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.booleans()
    | st.text(max_size=30)
    | st.sampled_from(["text", "film", "../x.md", "/abs", "a\\b", "", "1.0", "sv", "pairs"])
    | st.datetimes()
    | st.dates()
)
keys = st.sampled_from(KEYS) | st.text(min_size=1, max_size=12)
values = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(keys, children, max_size=5),
    max_leaves=25,
)


def check(text: str) -> None:
    loaded = parse_manifest(text, Path("m"))
    line_count = text.count("\n") + 1
    if loaded.manifest is None:
        assert loaded.problems
    for problem in loaded.problems:
        assert problem.file == "module.toml"
        assert problem.found or problem.expected
        assert problem.line is None or 1 <= problem.line <= line_count
        problem.describe()


def validate_text(data: bytes | str) -> None:
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        target = folder / "module.toml"
        if isinstance(data, bytes):
            target.write_bytes(data)
        else:
            target.write_text(data, encoding="utf-8")
        for name in ("texts", "printables", "film"):
            (folder / name).mkdir()
        (folder / "texts" / "introduktion.md").write_text("# Intro\n", encoding="utf-8")
        report = validate_module(folder, None)
        assert not any("oväntat fel" in p.found for p in report.problems), report.problems
        if report.manifest is None:
            assert report.problems


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix] if prefix else []
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _paths(value, (*prefix, index))
    return found


def _parent(data: Any, path: tuple[Any, ...]) -> Any:
    for part in path[:-1]:
        data = data[part]
    return data


@st.composite
def mutated(draw: st.DrawFn) -> dict[str, Any]:
    data = copy.deepcopy(VALID)
    for _ in range(draw(st.integers(1, 4))):
        paths = _paths(data)
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        parent = _parent(data, path)
        action = draw(st.sampled_from(["delete", "replace", "add", "duplicate"]))
        if action == "delete":
            del parent[path[-1]]
        elif action == "replace":
            parent[path[-1]] = draw(values)
        elif action == "add" and isinstance(parent, dict):
            parent[draw(keys)] = draw(values)
        elif action == "duplicate" and isinstance(parent, list):
            parent.append(copy.deepcopy(parent[path[-1]]))
    return data


def _dump(data: dict[str, Any]) -> str | None:
    try:
        return tomli_w.dumps(data)
    except (TypeError, ValueError):
        return None  # something TOML cannot express (a list mixing tables and numbers, …)


@FUZZ
@given(st.dictionaries(keys, values, max_size=8))
def test_random_documents(data: dict[str, Any]) -> None:
    if (text := _dump(data)) is not None:
        check(text)


@FUZZ
@given(mutated())
def test_mutated_valid_manifests(data: dict[str, Any]) -> None:
    if (text := _dump(data)) is not None:
        check(text)
        validate_text(text)


@FUZZ
@given(st.binary(max_size=400))
def test_random_bytes(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as temp:
        (Path(temp) / "module.toml").write_bytes(data)
        loaded = load_manifest(Path(temp))
        assert loaded.manifest is None and loaded.problems


@FUZZ
@given(st.data())
def test_edited_text(data: st.DataObject) -> None:
    text = TEXT
    for _ in range(data.draw(st.integers(1, 5))):
        start = data.draw(st.integers(0, len(text)))
        end = data.draw(st.integers(start, min(len(text), start + 20)))
        text = text[:start] + data.draw(st.text(max_size=8)) + text[end:]
    check(text)


@FUZZ
@given(st.sampled_from(["introduction", "film.file", "chapters"]), st.text(max_size=20))
def test_random_references(field: str, reference: str) -> None:
    data = copy.deepcopy(VALID)
    if field == "introduction":
        data["introduction"] = reference
    elif field == "film.file":
        data["film"]["file"] = reference
    else:
        data["film"]["chapters"] = reference
    validate_text(tomli_w.dumps(data))


def test_the_valid_manifest_passes_the_same_check(tmp_path: Path, film_file: Path) -> None:
    folder = tmp_path / "m"
    folder.mkdir()
    (folder / "module.toml").write_text(TEXT, encoding="utf-8")
    complete_module(folder, film_file)
    assert validate_module(folder, None).ok
