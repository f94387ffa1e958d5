"""Opening the module library with 200 modules. Prints figures; asserts nothing.

The catalog is loaded cold (no cache: every manifest parsed and checked) and warm (the card
cache in the data folder, as on every start after the first), against reading the same
`module.toml` files raw (open + read bytes) in the same run. Target: < 300 ms.

Run: ``python -m tests.bench.library_bench [--modules N]``.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from facilitator.core.content.catalog import Catalog, CatalogRoot
from facilitator.core.content.entry import Origin
from tests.bench.common import HEADER, ROOT, BenchResult

EXAMPLE = ROOT / "docs" / "examples" / "example-module" / "module.toml"
RUNS = 5
TARGET_MS = 300.0


# The example is short; the real modules are ~16 kB, most of it steps with leader notes.
EXTRA_STEP = """
[[steps]]
id = "extra-{n}"
kind = "prompt"
title = "Extra samtal {n}"
minutes = 10
question = "Vad betyder det här för er arbetsplats?"
format = "small_groups"
follow_ups = ["Hur märks det?", "Vad kan ni göra annorlunda?"]
leader_notes = \"\"\"
{notes}
\"\"\"
"""
NOTES = "Låt grupperna prata en stund innan ni samlar tankarna i helgrupp. " * 18


def make_modules(folder: Path, count: int) -> list[Path]:
    text = EXAMPLE.read_text(encoding="utf-8")
    text += "".join(EXTRA_STEP.format(n=n, notes=NOTES) for n in range(10))
    manifests = []
    for n in range(count):
        module = folder / f"modul-{n:03d}"
        module.mkdir(parents=True)
        body = text.replace('id = "exempel-modul"', f'id = "modul-{n:03d}"')
        body = body.replace('sv = "Exempelmodul"', f'sv = "Modul {n}"')
        manifest = module / "module.toml"
        manifest.write_text(body, encoding="utf-8")
        manifests.append(manifest)
    return manifests


def _timed(action: Callable[[], object]) -> float:
    began = time.perf_counter()
    action()
    return (time.perf_counter() - began) * 1000


def _load(root: Path, cache: Path | None) -> Callable[[], object]:
    def load() -> int:
        catalog = Catalog([CatalogRoot(root, Origin.USER)], cache)
        catalog.load()
        return len(catalog.library())

    return load


def _check_all(root: Path) -> Callable[[], object]:
    def check() -> int:
        catalog = Catalog([CatalogRoot(root, Origin.USER)])
        catalog.load()
        return sum(catalog.check(entry).ok for entry in catalog.unchecked())

    return check


def _read_raw(manifests: list[Path]) -> Callable[[], object]:
    def read() -> int:
        total = 0
        for manifest in manifests:
            with manifest.open("rb") as handle:
                total += len(handle.read())
        return total

    return read


def run(count: int) -> list[BenchResult]:
    folder = Path(tempfile.mkdtemp(prefix="facilitator-library-bench-"))
    try:
        root = folder / "modules"
        manifests = make_modules(root, count)
        cache = folder / "data" / "cache" / "catalog.json"
        _load(root, cache)()  # fill the card cache as the first start would
        cold: list[float] = []
        warm: list[float] = []
        raw: list[float] = []
        for _ in range(RUNS):  # alternate so both see the same disk and CPU state
            raw.append(_timed(_read_raw(manifests)))
            cold.append(_timed(_load(root, None)))
            warm.append(_timed(_load(root, cache)))
        checked = _timed(_check_all(root))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print(f"(the background check of all {count} modules, no film probe: {checked:.0f} ms)")
    raw_ms = statistics.median(raw)
    results = []
    for name, times in ((f"library, {count} modules, no cache", cold),
                        (f"library, {count} modules, card cache", warm)):  # fmt: skip
        figure = statistics.median(times)
        results.append(
            BenchResult(
                name=name,
                figure=f"{figure:.1f} ms",
                baseline=f"raw read {raw_ms:.1f} ms",
                ratio=figure / raw_ms if raw_ms else None,
                target=f"< {TARGET_MS:.0f} ms",
                holds=figure < TARGET_MS,
            )
        )
    return results


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--modules", type=int, default=200)
    args = parser.parse_args(argv)
    results = run(args.modules)
    print(HEADER)
    for result in results:
        print(result.row())


if __name__ == "__main__":
    main()
