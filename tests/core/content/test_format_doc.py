"""The complete example in docs/module-format.md is a valid manifest, and stays one."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from facilitator.core.content.kinds import DiscussionFormat, StepKind
from facilitator.core.content.loader import parse_manifest
from facilitator.core.content.manifest import Manifest
from facilitator.core.content.report import Findings
from facilitator.core.content.self_study_checks import GROUP_PHRASES, check_self_study
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


def test_the_self_study_wording_is_documented() -> None:
    section = DOC[DOC.index("## Self-study wording") : DOC.index("## Sources")]
    for key in ("question", "instructions", "minutes", "skip", "introduction"):
        assert f"| `{key}` |" in section, key
    for phrase in GROUP_PHRASES:
        assert f'"{phrase}"' in section, phrase
    example = re.search(r"```toml\n(.*?)```", section, re.DOTALL)
    assert example is not None and "[steps.self_study]" in example.group(1)
    # The complete example shows the tables too, and they are valid there.
    complete = DOC[DOC.index("## A complete example") : DOC.index("## TOML in five minutes")]
    for key in ("[self_study]", "[steps.self_study]", "question = ", "instructions = ", "skip = "):
        assert key in complete, key


def test_the_self_study_example_is_valid_wording() -> None:
    section = DOC[DOC.index("## Self-study wording") : DOC.index("## Sources")]
    fragment = tomllib.loads(re.findall(r"```toml\n(.*?)```", section, re.DOTALL)[0])
    complete = DOC[DOC.index("## A complete example") :]
    found = re.search(r"```toml\n(.*?)```", complete, re.DOTALL)
    assert found is not None
    data = tomllib.loads(found.group(1))
    data["self_study"] = fragment["self_study"]
    data["steps"] += [{**step, "id": "ss-" + step["id"]} for step in fragment["steps"]]
    manifest = Manifest.model_validate(data)
    findings = Findings(Path("doc"), lambda _path: None)
    check_self_study(findings, manifest)
    assert findings.problems == []
