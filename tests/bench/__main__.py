"""`make bench`: every benchmark, each beside its bare baseline, as one table."""

from __future__ import annotations

import importlib
import sys
import tempfile
import traceback
from pathlib import Path

from tests.bench.common import HEADER, BenchResult

# (module, how to call it) – each returns one result or a list of them.
BENCHES = (
    ("tests.bench.startup", lambda m: m.run()),
    ("tests.bench.quit_bench", lambda m: m.run()),
    ("tests.bench.plan_bench", lambda m: m.run()),
    ("tests.bench.memory_bench", lambda m: m.run()),
    ("tests.bench.library_bench", lambda m: m.run(200)),
    ("tests.bench.film_start", lambda m: m.run()),
    ("tests.bench.storage_bench", lambda m: m.run(Path(tempfile.mkdtemp(prefix="bench-db-")))[0]),
    ("tests.bench.export_bench", lambda m: m.run()),
    ("tests.bench.session_stall", lambda m: m.run()),
    ("tests.bench.check_bench", lambda m: m.run()),
    ("tests.bench.phone_load", lambda m: m.run()),
)


def main() -> int:
    rows: list[BenchResult] = []
    failures = 0
    for name, call in BENCHES:
        print(f"running {name} …", file=sys.stderr, flush=True)
        try:
            module = importlib.import_module(name)
            result = call(module)
        except ModuleNotFoundError as error:
            if error.name == name:
                print(f"  {name} is not there yet; skipped", file=sys.stderr)
                continue
            raise
        except Exception:
            failures += 1
            traceback.print_exc()
            continue
        rows.extend(result if isinstance(result, list) else [result])
    print()
    print(HEADER)
    for row in rows:
        print(row.row())
    missed = [r.name for r in rows if not r.holds]
    print()
    print(
        f"{len(rows) - len(missed)} of {len(rows)} targets hold"
        + (f"; missed: {', '.join(missed)}" if missed else "")
    )
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
