"""Archives as a file anyone could have written: a real one as a dict, changed, written back."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

from facilitator.core.export.archive import write_archive
from facilitator.core.export.model import SessionExport

EXPORTED = datetime(2025, 3, 15, 12, 0).astimezone()


def archive_data(session: SessionExport, folder: Path, exported_at: datetime = EXPORTED) -> Any:
    path = write_archive(session, folder / "real.json", exported_at=exported_at)
    return json.loads(path.read_text(encoding="utf-8"))


def write_json(path: Path, data: Any) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path
