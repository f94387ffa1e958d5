"""The complete example in docs/module-format.md is a valid manifest, and stays one."""

from __future__ import annotations

import re
from pathlib import Path

from facilitator.core.content.kinds import DiscussionFormat, StepKind
from facilitator.core.content.loader import parse_manifest
from facilitator.core.content.validate import check_loaded

from .conftest import ROOT

DOC = (ROOT / "docs" / "module-format.md").read_text(encoding="utf-8")


def test_the_complete_example_is_valid() -> None:
    section = DOC[DOC.index("## A complete example") :]
    example = re.search(r"```toml\n(.*?)```", section, re.DOTALL)
    assert example is not None
    report = check_loaded(parse_manifest(example.group(1), Path("doc")))
    assert report.problems == ()
    assert report.manifest is not None
    kinds = {step.kind for step in report.manifest.steps}
    assert kinds == set(StepKind), "the example shows every step kind"


def test_every_kind_and_format_is_documented() -> None:
    for value in [*StepKind, *DiscussionFormat]:
        assert f"`{value.value}`" in DOC, value


def test_the_second_editions_keys_are_documented() -> None:
    for key in ("core", "requires", "leader_notes_override", "author", "published_in"):
        assert f"`{key}`" in DOC, key
    assert "Author (year). Title. Published in. Publisher. URL" in DOC
