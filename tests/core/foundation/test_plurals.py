"""Issue 17: every count-with-noun message goes through ngettext; English shows the noun's
number ("1 check", "2 checks")."""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitator.core import i18n
from facilitator.core.content.model_errors import _expected
from facilitator.core.content.pack_messages import size_text
from facilitator.core.precheck.system import CheckItem, verdict

LOCALE = Path(__file__).resolve().parents[3] / "resources" / "locale"


@pytest.fixture(autouse=True)
def english() -> None:
    assert i18n.activate("en", LOCALE)


def test_precheck_verdict() -> None:
    one = [CheckItem("VLC", True, "")]
    assert verdict(one) == "Everything is ready for the session (1 of 1 check passed)."
    two = [CheckItem("VLC", True, ""), CheckItem("Film", False, "")]
    assert verdict(two).startswith("Not ready: 1 of 2 checks did not pass.")


def test_manifest_errors_and_sizes() -> None:
    one = _expected({"type": "too_short", "ctx": {"min_length": 1}})  # type: ignore[typeddict-item]
    assert one == "should have at least 1 item"
    many = _expected({"type": "too_long", "ctx": {"max_length": 3}})  # type: ignore[typeddict-item]
    assert many == "can have at most 3 items"
    assert size_text(1) == "1 byte"
    assert size_text(2) == "2 bytes"
