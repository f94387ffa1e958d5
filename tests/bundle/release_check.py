"""`make bundle-test`: the Linux bundle as a leader gets it (issue 21). Builds the archive,
installs it into a temporary home with install.sh, and runs the installed app with a clean
environment (``env -i``: no virtualenv, nothing of the source tree): ``--version``,
``--exit-when-ready`` under Xvfb, ``check`` decoding every bundled film with the bundle's own
libVLC, a scripted session that records a reflection and exports a summary PDF, a screenshot
of the app started from its desktop entry, start-up against the virtualenv's, and uninstall
leaving nothing but the leader's data. Run by `.ci/run` after `make test` (about 2¼ minutes
from cold; docs/decisions/0018), and before each release.

Run: ``python -m tests.bundle.release_check [--no-build] [--runs N]``.
"""

from __future__ import annotations

import argparse
import os
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import tomllib
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import tomli_w
from PIL import ImageGrab, ImageStat

from facilitator.core.paths import APP_NAME
from facilitator.phones_web.network import PREFERRED_PORT
from tests.e2e.kill_resume import DrivenApp
from tests.e2e.xvfb import xvfb

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))

import bundle_plan  # noqa: E402

OUT = ROOT / "build" / "bundle"
MODULE = "grund-1-vad-ar-kultur"
TIMEOUT = 120
REFLECTION = "Paketet fungerar: åäö ÅÄÖ"


class Failed(Exception):
    pass


def expect(condition: bool, what: str) -> None:
    print(("ok   " if condition else "FAIL ") + what, flush=True)
    if not condition:
        raise Failed(what)


def clean_env(home: Path, **extra: str) -> dict[str, str]:
    """What `env -i HOME=… PATH=/usr/bin:/bin` leaves, plus a language for the terminal."""
    return {"HOME": str(home), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", **extra}


def run(
    args: list[str], env: dict[str, str], cwd: Path, timeout: float = TIMEOUT
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        args, env=env, cwd=cwd, capture_output=True, text=True, timeout=timeout, check=False
    )


def figures(stdout: str) -> dict[str, int]:
    found = dict(line.split("=", 1) for line in stdout.splitlines() if "_ms=" in line)
    return {name: int(value) for name, value in found.items()}


def build() -> dict[str, str]:
    done = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "build_linux.py")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return dict(line.split("=", 1) for line in done.stdout.splitlines() if "=" in line)


def install(archive: Path, home: Path, work: Path) -> tuple[Path, Path]:
    """Unpacks the archive and runs its install.sh; (the installed app's folder, the unpacked
    folder)."""
    unpacked = work / "unpacked"
    unpacked.mkdir()
    with tarfile.open(archive) as tar:
        tar.extractall(unpacked, filter="tar")
    (folder,) = unpacked.iterdir()
    done = run([str(folder / "install.sh")], clean_env(home), cwd=work)
    expect(done.returncode == 0, f"install.sh without root ({done.stderr.strip()})")
    prefix = home / ".local" / "opt" / "facilitator"
    expect((prefix / "facilitator").is_file(), f"the app is in {prefix}")
    return prefix, folder


def portable_copy(stick: Path, work: Path) -> None:
    """The unpacked archive as on a USB stick: with portable.txt beside the program, everything
    is kept in facilitator-data/ beside it and nothing in the home folder."""
    home = work / "stick-home"
    home.mkdir()
    (stick / "portable.txt").write_text("")
    done = run(
        [str(stick / "facilitator"), "--exit-when-ready"],
        clean_env(home, QT_QPA_PLATFORM="offscreen"),
        work,
    )
    database = stick / "facilitator-data" / "data" / "facilitator.sqlite3"
    expect(done.returncode == 0 and database.is_file(), f"portable.txt: the data in {database}")
    expect(files_under(home) == [], "portable.txt: nothing written to the home folder")


def phones_on(home: Path) -> None:
    """The leader's setting "Deltagarna svarar på mobilen", as the run sheet saves it."""
    settings = home / ".config" / APP_NAME / "settings.toml"
    current = tomllib.loads(settings.read_text(encoding="utf-8")) if settings.is_file() else {}
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text(tomli_w.dumps({**current, "phones_on": True}), encoding="utf-8")


def phones_page_served() -> None:
    """The installed app's phone server (aiohttp, frozen) answers on loopback with its page
    and the stylesheet it reads from beside its code."""
    for port in range(PREFERRED_PORT, PREFERRED_PORT + 10):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as reply:
                page = reply.read().decode("utf-8")
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/static/phone.css") as reply:
                css = reply.headers.get("Content-Type", ""), reply.read()
        except OSError:
            continue
        expect("Gå med i samtalet" in page, "the phones' page is served")
        expect(css[0].startswith("text/css") and len(css[1]) > 100, "with its stylesheet")
        return
    expect(False, "the phones' server answered on none of its ports")


def scripted_session(app: Path, env: dict[str, str], work: Path) -> str:
    phones_on(Path(env["HOME"]))
    driven = DrivenApp(
        work,
        [str(app), "--drive"],
        {**env, "QT_QPA_PLATFORM": "offscreen", "FACILITATOR_PHONES_ADDRESS": "127.0.0.1"},
        work,
        timeout=TIMEOUT,
    )
    try:
        driven.wait_for("ready")
        driven.wait_for("no_interrupted", "interrupted")
        driven.send(do="plan", modules=[MODULE], minutes=75)
        driven.wait_for("planned")
        driven.send(do="start", rehearse=False)
        session = str(driven.wait_for("started")["uuid"])
        phones_page_served()
        driven.send(do="reflect", kind="note", text=REFLECTION)
        saved = driven.wait_for("saved")
        expect(saved["text"] == REFLECTION, "a reflection recorded and saved")
        driven.send(do="end")
        driven.send(do="quit")
        expect(driven.proc.wait(timeout=TIMEOUT) == 0, "the driven app quit cleanly")
    finally:
        if driven.proc.poll() is None:
            driven.proc.kill()
            driven.proc.wait()
    return session


@contextmanager
def started_from_desktop_entry(home: Path, env: dict[str, str], work: Path) -> Iterator[None]:
    """Exec= of the installed desktop entry, as a menu would run it; --ready-then-wait added so
    the picture is taken once the library is usable, and closing standard in ends it."""
    entry = home / ".local" / "share" / "applications" / "facilitator.desktop"
    exec_line = next(
        line.split("=", 1)[1]
        for line in entry.read_text(encoding="utf-8").splitlines()
        if line.startswith("Exec=")
    )
    proc = subprocess.Popen(
        [*shlex.split(exec_line), "--ready-then-wait"],
        env=env,
        cwd=work,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert proc.stdout is not None
        for line in proc.stdout:
            if line.startswith("ready_ms="):
                break
        yield
    finally:
        assert proc.stdin is not None
        proc.stdin.close()
        try:
            proc.wait(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


# Libraries that must come from the bundle, never from the system: libVLC, its plugins and the
# decoders behind them. (GL drivers, glibc and X's client libraries are the system's on purpose.)
BUNDLE_ONLY = re.compile(r"(/vlc/|libvlc|libavcodec|libavutil|libswscale|libswresample|libQt6)")


def film_in_a_window(app: Path, env: dict[str, str], work: Path, prefix: Path) -> None:
    """A film played into a real X window (libVLC's xcb/GL outputs), with the dynamic linker
    listing every library the process loads."""
    done = run(
        [str(app), "check", MODULE, "--video-output", "auto"],
        {**env, "LD_DEBUG": "files"},
        work,
        timeout=300,
    )
    film = next((line for line in done.stdout.splitlines() if "Film:" in line), "")
    expect(film.startswith("✓"), f"a film plays into an X window: {film}")
    loaded = set(re.findall(r"calling init: (\S+)", done.stderr))
    plugins = [path for path in loaded if "/vlc/plugins/" in path]
    expect(
        bool(plugins) and all(path.startswith(str(prefix)) for path in plugins),
        f"{len(plugins)} VLC plugins loaded, all from the bundle",
    )
    strays = sorted(p for p in loaded if BUNDLE_ONLY.search(p) and not p.startswith(str(prefix)))
    expect(not strays, f"no libVLC, decoder or Qt library from the system: {strays}")


def startup_ms(command: list[str], env: dict[str, str], cwd: Path) -> int:
    done = run(command, env, cwd)
    if done.returncode != 0:
        raise Failed(f"{command} failed: {done.stderr[-400:]}")
    return figures(done.stdout)["ready_ms"]


def compare_startup(app: Path, home: Path, work: Path, runs: int) -> tuple[float, float]:
    """Median ready_ms of the installed bundle and of the virtualenv, alternating, offscreen,
    on data folders used before (the benchmark's measure, tests/bench/startup.py)."""
    venv_home = work / "venv-home"
    bundle_env = clean_env(home, QT_QPA_PLATFORM="offscreen")
    venv_env = {
        **os.environ,
        "FACILITATOR_HOME": str(venv_home),
        "QT_QPA_PLATFORM": "offscreen",
        "QT_LOGGING_RULES": "qt.qpa.*=false",
    }
    bundle_cmd = [str(app), "--exit-when-ready"]
    venv_cmd = [sys.executable, "-m", "facilitator", "--exit-when-ready"]
    startup_ms(bundle_cmd, bundle_env, work)  # warm the file cache; make each data folder
    startup_ms(venv_cmd, venv_env, ROOT)
    bundle, venv = [], []
    for _ in range(runs):
        bundle.append(startup_ms(bundle_cmd, bundle_env, work))
        venv.append(startup_ms(venv_cmd, venv_env, ROOT))
    return statistics.median(bundle), statistics.median(venv)


def files_under(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if not p.is_dir())


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def release_check(build_first: bool, runs: int) -> dict[str, Any]:
    report: dict[str, Any] = {}
    if build_first:
        report.update(build())
    archive = OUT / f"{bundle_plan.archive_stem()}.tar.gz"
    expect(archive.is_file(), f"the archive {archive.name} exists")
    report["archive_mb"] = round(archive.stat().st_size / 1e6, 1)
    work = Path(tempfile.mkdtemp(prefix="facilitator-bundle-"))
    try:
        home = work / "home"
        home.mkdir()
        prefix, unpacked = install(archive, home, work)
        portable_copy(unpacked, work)
        app = prefix / "facilitator"
        report["unpacked_mb"] = round(folder_bytes(prefix) / 1e6, 1)
        env = clean_env(home)

        done = run([str(app), "--version"], env, work)
        expect(
            done.stdout.strip() == f"facilitator {bundle_plan.version()}",
            f"--version says {done.stdout.strip()!r}",
        )

        with xvfb() as display:
            done = run([str(app), "--exit-when-ready"], clean_env(home, DISPLAY=display), work)
            shown = figures(done.stdout)
            expect(
                done.returncode == 0 and "ready_ms" in shown,
                f"--exit-when-ready under Xvfb: {shown}",
            )

        done = run([str(app), "check"], env, work, timeout=300)
        lines = done.stdout.splitlines()
        films = [line for line in lines if "Film:" in line]
        expect(len(films) == 9, f"check tried {len(films)} bundled films")
        expect(all(line.startswith("✓") for line in films), "check decoded every bundled film")
        vlc_line = next((line for line in lines if line.split("–")[0].strip().endswith("VLC")), "")
        expect(
            vlc_line.startswith("✓") and f"({prefix}/_internal/libvlc.so.5)" in vlc_line,
            f"check used the bundle's own libVLC: {vlc_line}",
        )

        with xvfb() as display:
            film_in_a_window(app, clean_env(home, DISPLAY=display), work, prefix)

        session = scripted_session(app, env, work)
        pdf = work / "summary.pdf"
        done = run([str(app), "export", session, "--pdf", "-o", str(pdf)], env, work)
        expect(done.returncode == 0 and pdf.is_file(), f"summary PDF exported ({done.stderr})")
        text = subprocess.run(
            ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        expect(REFLECTION in text, "the summary PDF has the reflection, word for word")

        with (
            xvfb() as display,
            started_from_desktop_entry(home, clean_env(home, DISPLAY=display), work),
        ):
            picture = ImageGrab.grab(xdisplay=display)
            shot = OUT / "installed-app.png"
            picture.save(shot)
            spread = max(ImageStat.Stat(picture.convert("L")).stddev)
            expect(spread > 10, f"the app from its desktop entry drew its window ({shot})")

        report["ready_ms_bundle"], report["ready_ms_venv"] = compare_startup(app, home, work, runs)
        report["ready_ratio"] = round(report["ready_ms_bundle"] / report["ready_ms_venv"], 2)

        data_before = [f for f in files_under(home) if "Facilitator" in f]
        done = run([str(prefix / "uninstall.sh")], env, work)
        expect(done.returncode == 0, f"uninstall.sh ({done.stderr.strip()})")
        left = files_under(home)
        expect(
            bool(left) and all("/Facilitator/" in f for f in left),
            f"uninstall left only the leader's data: {left[:6]}",
        )
        expect(set(data_before) <= set(left), "the leader's data is all still there")
        expect(not prefix.exists(), "the app's folder is gone")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return report


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--no-build", action="store_true", help="use build/bundle as it is")
    parser.add_argument("--runs", type=int, default=7, help="start-up runs of each (median)")
    args = parser.parse_args()
    try:
        report = release_check(not args.no_build, args.runs)
    except Failed:
        return 1
    for name, value in report.items():
        print(f"{name}={value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
