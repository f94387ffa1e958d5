"""One two-monitor X server for the whole folder; the tests skip, saying why, where the X tools
are missing (`make test` installs them: .ci/system-packages)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.hands.desk import Desk, desk_or_skip


@pytest.fixture(scope="session")
def desk() -> Iterator[Desk]:
    with desk_or_skip() as running:
        yield running
