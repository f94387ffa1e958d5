"""`make soak`: the long runs that guard the app against regressions and abuse, each ending in
a one-line verdict ``soak <name>: PASS|FAIL …``; the exit code is 1 if any fails.

(a) kill_resume    — the real app killed at random moments 200 times: nothing saved is lost
(b) long_session   — a four-hour session at high clock speed: memory stays flat
(c) fuzz_packs     — 1,000 fuzzed module manifests and packs: problems or a clean import
(d) export_repeat  — the 500-reflection summary PDF 20 times: time and memory stay flat
(e) hostile_archives — 1,000 generated hostile session archives: no traceback, no partial
                       session, no local reflection lost
(f) locked_quit    — the app ended 100 times (quit, SIGTERM, SIGKILL) while another process
                     holds the database locked: every accepted reflection is in the database
                     after the next start

Each stage runs in a process of its own (so one stage's memory cannot colour another's
reading, and a crash is a verdict instead of the end of the soak). About 15 minutes on two
cores; ``--quick`` runs a tenth of each (about three minutes; `make test` runs it, so a soak
that breaks is noticed the day it breaks). ``python -m tests.soak long_session`` runs one."""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from dataclasses import dataclass

from tests.soak.common import ROOT


@dataclass(frozen=True)
class Stage:
    module: str
    name: str
    full: tuple[str, ...]
    quick: tuple[str, ...]


STAGES = (
    Stage("kill_resume", "kill-and-resume", ("--runs", "200"), ("--runs", "20")),
    Stage("long_session", "4-hour session", ("--hours", "4"), ("--hours", "1")),
    Stage("fuzz_packs", "fuzzed modules and packs", ("--cases", "1000"), ("--cases", "100")),
    Stage("export_repeat", "repeated export", ("--runs", "20"), ("--runs", "8", "--untimed")),
    Stage("hostile_archives", "hostile archives", ("--cases", "1000"), ("--cases", "100")),
    Stage("locked_quit", "quit under a held lock", ("--rounds", "100"), ("--rounds", "10")),
)
TIMEOUT = 30 * 60


def run_stage(stage: Stage, quick: bool) -> str:
    """The stage's verdict line (its progress goes straight to our stderr)."""
    command = [sys.executable, "-m", f"tests.soak.{stage.module}"]
    command += stage.quick if quick else stage.full
    print(f"\n== {stage.name}: {' '.join(command[1:])}", file=sys.stderr, flush=True)
    try:
        done = subprocess.run(
            command, cwd=ROOT, stdout=subprocess.PIPE, text=True, timeout=TIMEOUT, check=False
        )
    except subprocess.TimeoutExpired:
        return f"soak {stage.name}: FAIL did not finish in {TIMEOUT // 60} min"
    lines = [line for line in done.stdout.splitlines() if line.startswith("soak ")]
    if not lines:
        # No verdict: the process died (a crash in Qt, libVLC or the interpreter).
        return (
            f"soak {stage.name}: FAIL the process ended without a verdict (exit {done.returncode})"
        )
    if done.returncode != 0 and " PASS " in lines[-1]:
        return f"soak {stage.name}: FAIL exit {done.returncode} after: {lines[-1]}"
    return lines[-1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.soak")
    parser.add_argument("stages", nargs="*", help=", ".join(s.module for s in STAGES))
    parser.add_argument("--quick", action="store_true", help="a tenth of each run")
    args = parser.parse_args(argv)
    unknown = set(args.stages) - {s.module for s in STAGES}
    if unknown:
        parser.error(f"no such stage: {', '.join(sorted(unknown))}")
    chosen = [s for s in STAGES if not args.stages or s.module in args.stages]
    began = time.perf_counter()
    verdicts = [run_stage(stage, args.quick) for stage in chosen]
    print()
    for line in verdicts:
        print(line)
    failed = [line for line in verdicts if not line.split(":", 1)[1].startswith(" PASS")]
    minutes = (time.perf_counter() - began) / 60
    print(f"\n{len(verdicts) - len(failed)} of {len(verdicts)} soaks pass ({minutes:.1f} min)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
