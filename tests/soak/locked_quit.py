"""Soak (f): the real app ended 100 times while another process holds its database locked —
by quit, SIGTERM and SIGKILL in turn — after three reflections each time; the next start must
bring every accepted reflection into the database and leave no recovery journal behind.

Two rounds run at a time, each in a data folder of its own (two cores; a round is mostly
waiting for an app to start). Run alone: ``python -m tests.soak.locked_quit [--rounds N]``."""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from tests.e2e.locked_quit import ENDINGS, LockedQuitResult, one_round
from tests.soak.common import note, verdict

NAME = "quit under a held lock"
LANES = 2


def lane(home: Path, numbers: range) -> LockedQuitResult:
    result = LockedQuitResult()
    for number in numbers:
        one_round(home, ENDINGS[number % len(ENDINGS)], result, number)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=100)
    args = parser.parse_args(argv)
    note(f"{NAME}: {args.rounds} rounds of lock, reflect 3 times, end, release, restart …")
    began = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="facilitator-soak-lock-") as folder:
        try:
            with ThreadPoolExecutor(LANES) as pool:
                results = list(
                    pool.map(
                        lambda n: lane(Path(folder) / f"home{n}", range(n, args.rounds, LANES)),
                        range(LANES),
                    )
                )
        except Exception as error:  # an app that did not answer is a failed soak
            return verdict(NAME, False, f"stopped: {error!r}")
    rounds = sum(r.rounds for r in results)
    accepted = sum(len(r.accepted) for r in results)
    lost = sum(len(r.lost) for r in results)
    journals = sum(r.journals_left for r in results)
    quits = [s for r in results for s in r.quit_seconds]
    minutes = (time.perf_counter() - began) / 60
    passed = rounds == args.rounds and accepted == 3 * rounds and lost == 0 and journals == 0
    return verdict(
        NAME,
        passed,
        f"{rounds} rounds, {accepted} reflections accepted, {lost} lost, "
        f"{journals} journals left, quit took ≤ {max(quits, default=0):.1f} s "
        f"(median {statistics.median(quits) if quits else 0:.1f} s), {minutes:.1f} min",
    )


if __name__ == "__main__":
    sys.exit(main())
