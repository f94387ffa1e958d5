"""PySide6 looks at every module imported after it, and the way it looks costs a sixth of the
start-up (decision 0004, fifth round).

Importing PySide6 replaces Python's ``__import__`` so that ``from __feature__ import
snake_case`` can switch PySide's naming per module. To know which modules might, it asks
``inspect.getsource`` for each newly imported module and looks for the word "PySide6" in it.
``getsource`` finds the module behind a file by walking every loaded module, so the check grows
with the number already imported: measured here, SQLAlchemy and pydantic imported after PySide6
took 0.31–0.39 s against 0.26 s before it, and a whole start about a sixth longer.

``scan_imports_cheaply`` gives PySide6 the same answer a cheaper way: the module's source file
is read once and searched for the same word. Modules without a ``.py`` source count as not
using PySide6, as they do in PySide6's own check. The app itself never selects a feature, so
every module keeps PySide6's default naming either way.
"""

from __future__ import annotations

import linecache
import logging
import sys
from pathlib import Path
from types import ModuleType

log = logging.getLogger(__name__)

_FEATURE_MODULE = "PySide6.support.feature"
_CLASSIFIER = "_mod_uses_pyside"


def mentions_pyside(module: ModuleType) -> bool:
    """Whether the module's source names PySide6: PySide6's own test, without ``inspect``."""
    origin = getattr(getattr(module, "__spec__", None), "origin", None)
    if not isinstance(origin, str) or not origin.endswith(".py"):
        return False
    try:
        return b"PySide6" in Path(origin).read_bytes()
    except OSError:
        return False


def scan_imports_cheaply() -> bool:
    """Swap PySide6's per-import check for ``mentions_pyside``; False where this PySide6 has no
    such check (then nothing changes)."""
    import PySide6.QtCore  # noqa: F401  (installs the import hook and its feature module)

    feature = sys.modules.get(_FEATURE_MODULE)
    if feature is None or not callable(getattr(feature, _CLASSIFIER, None)):
        log.info("PySide6 has no per-import feature check here; nothing to change")
        return False
    setattr(feature, _CLASSIFIER, mentions_pyside)
    # PySide6 asked inspect for the source of every module already imported when it was: about
    # 3 MB of text held in linecache that nothing reads again (a traceback reads it anew).
    linecache.clearcache()
    return True
