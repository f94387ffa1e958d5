"""One two-monitor X server for the whole folder; the tests skip, saying why, where the X tools
are missing (`make test` installs them: .ci/system-packages)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.hands.desk import Desk, missing_tools, two_monitor_desk


@pytest.fixture(scope="session")
def desk() -> Iterator[Desk]:
    missing = missing_tools()
    if missing:
        pytest.skip(
            f"real-keys tests need {', '.join(missing)} (apt: xvfb x11-xserver-utils xdotool)"
        )
    with two_monitor_desk() as running:
        yield running
