"""Every benchmark still runs: each one once, at a toy size, with no figure judged. A bench
nobody runs rots (the storage bench broke unseen when the schema grew a column); `make test`
runs this, `make bench` measures."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.bench import export_bench, library_bench, storage_bench


def test_the_storage_bench_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(storage_bench, "SESSIONS", 30)
    monkeypatch.setattr(storage_bench, "REFLECTIONS_PER_SESSION", 3)
    monkeypatch.setattr(storage_bench, "SAVES", 5)
    monkeypatch.setattr(storage_bench, "QUERY_RUNS", 2)
    results, _lines = storage_bench.run(tmp_path)
    assert results and all(result.figure for result in results)


def test_the_library_bench_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(library_bench, "RUNS", 1)
    results = library_bench.run(5)
    assert results and all(result.figure for result in results)


def test_the_export_bench_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(export_bench, "REFLECTIONS", 20)
    monkeypatch.setattr(export_bench, "RUNS", 1)
    assert export_bench.run().figure


def test_the_startup_bench_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.bench import startup

    monkeypatch.setattr(startup, "RUNS", 1)
    results = startup.run()
    assert [r.name.split(",")[0] for r in results] == ["startup"] * 5


def test_the_film_and_stall_benches_run(monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.bench import film_start, session_stall

    monkeypatch.setattr(film_start, "RUNS", 1)
    monkeypatch.setattr(session_stall, "SECONDS", 2)
    assert film_start.run()
    assert session_stall.run()


def test_the_check_bench_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.bench import check_bench

    monkeypatch.setattr(check_bench, "RUNS", 1)
    monkeypatch.setattr(check_bench, "SETS", (check_bench.ONE,))
    results = check_bench.run()
    assert [r.name.split(",")[2].split()[0] for r in results] == ["cold", "warm"]
    assert all(result.figure for result in results)


def test_the_quit_plan_and_memory_benches_run(monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.bench import memory_bench, plan_bench, quit_bench

    monkeypatch.setattr(quit_bench, "RUNS", 1)
    monkeypatch.setattr(plan_bench, "RUNS", 1)
    monkeypatch.setattr(memory_bench, "PLAYING_S", 0.5)
    monkeypatch.setattr(memory_bench, "IDLE_S", 0.0)
    assert quit_bench.run().figure
    assert plan_bench.run().figure
    assert all(r.name.startswith("peak memory") for r in memory_bench.run())


def test_the_phone_load_bench_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.bench import phone_load

    monkeypatch.setattr(phone_load, "PHONES", 6)
    monkeypatch.setattr(phone_load, "ROUNDS", 2)
    results = phone_load.run()
    assert [r.name.split(":")[0] for r in results] == ["phones, 6 at once"] * 2
    assert "12 of 12 Skickat, 0 lost" in results[0].figure
