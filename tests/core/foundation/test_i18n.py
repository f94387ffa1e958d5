from pathlib import Path

import pytest

from facilitator.core import i18n
from facilitator.core.content.kinds import DiscussionFormat

LOCALE = Path(__file__).resolve().parents[3] / "resources" / "locale"


def test_swedish_is_the_source_language() -> None:
    assert i18n.activate("sv", LOCALE)
    assert DiscussionFormat.PAIRS.label == "Samtal i par"


def test_english_catalogue_translates() -> None:
    if not (LOCALE / "en" / "LC_MESSAGES" / "facilitator.mo").exists():
        pytest.fail("the English catalogue is not compiled; run make")
    assert i18n.activate("en", LOCALE)
    assert DiscussionFormat.PAIRS.label == "Conversation in pairs"
    assert i18n.active_language() == "en"


def test_missing_catalogue_falls_back_to_swedish(tmp_path: Path) -> None:
    assert not i18n.activate("en", tmp_path)
    assert i18n.active_language() == "sv"
    assert DiscussionFormat.PAIRS.label == "Samtal i par"


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"LANG": "en_GB.UTF-8"}, "en"),
        ({"LANG": "sv_SE.UTF-8"}, "sv"),
        ({"LANG": "de_DE"}, "sv"),
        # A C locale chooses no language (Python alone would call C.UTF-8 English).
        ({"LANG": "C.UTF-8"}, "sv"),
        ({"LC_ALL": "POSIX", "LANG": "en_GB.UTF-8"}, "sv"),
        ({"LANGUAGE": "en:sv", "LANG": "sv_SE.UTF-8"}, "en"),
        ({"LC_MESSAGES": "en_US.UTF-8", "LANG": "sv_SE.UTF-8"}, "en"),
        ({}, "sv"),
    ],
)
def test_system_language(
    env: dict[str, str], expected: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(i18n.locale, "getlocale", lambda: (None, None))
    assert i18n.system_language(env) == expected
