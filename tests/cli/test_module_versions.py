"""`facilitator modules import` and versions, as an IT department scripting it would meet them:
the identical pack again is "already installed" (exit 0); an older version is refused unless
``--allow-downgrade`` is given, and then it really is the version the library uses; the same
version with other content needs ``--replace``. No question is ever asked."""

from __future__ import annotations

from pathlib import Path

from facilitator.core.content.catalog import Catalog
from facilitator.core.paths import resolve_paths
from tests.cli.cli_rig import BUNDLED_ID, BUNDLED_MODULE, BUNDLED_VERSION, module_pack, run_cli


def _in_use(home: Path) -> str | None:
    """The version the app's library offers for the module."""
    catalog = Catalog.for_app(resolve_paths())
    catalog.load()
    entry = catalog.get(BUNDLED_ID)
    return entry.version if entry is not None else None


def _import(home: Path, pack: Path, *flags: str) -> tuple[int, str, str]:
    ran = run_cli(home, "modules", "import", str(pack), "--no-probe", *flags)
    assert "Traceback" not in ran.stderr
    return ran.code, ran.stdout.strip(), ran.stderr.strip()


def test_identical_downgrade_and_changed_content(facilitator_home: Path, tmp_path: Path) -> None:
    # Above the bundled copy's version, so the imported versions are the ones that count.
    newer = module_pack(tmp_path / "9.1.0.fmod", "9.1.0")
    older = module_pack(tmp_path / "9.0.0.fmod", "9.0.0")
    changed = module_pack(tmp_path / "9.1.0-b.fmod", "9.1.0", extra_line="# ändrad\n")
    home = facilitator_home

    assert _import(home, newer)[0] == 0
    assert _import(home, newer) == (
        0,
        f"”{BUNDLED_ID}” version 9.1.0 är redan installerad. Ingenting har ändrats.",
        "",
    )

    code, out, err = _import(home, older, "--replace")
    assert (code, out) == (1, "")
    assert "den äldre versionen 9.0.0" in err and "--allow-downgrade" in err
    assert _in_use(home) == "9.1.0"

    code, out, err = _import(home, older, "--allow-downgrade")
    assert code == 0, err
    assert out.startswith(
        f"”{BUNDLED_ID}” är ersatt: version 9.0.0 används nu i stället för version 9.1.0."
    )
    assert _in_use(home) == "9.0.0"

    assert _import(home, newer)[0] == 0  # up again: the newer version is in use
    assert _in_use(home) == "9.1.0"
    code, out, err = _import(home, changed)
    assert code == 1 and "annat innehåll" in err and "--replace" in err
    code, out, err = _import(home, changed, "--replace")
    assert code == 0 and "ersatt med innehållet i det nya paketet" in out
    assert _in_use(home) == "9.1.0"


def test_an_import_the_bundled_module_outranks_says_so(
    facilitator_home: Path, tmp_path: Path
) -> None:
    code, out, err = _import(facilitator_home, module_pack(tmp_path / "0.9.fmod", "0.9.0"))
    assert code == 0, err
    assert f"Obs: biblioteket använder {BUNDLED_MODULE}" in out
    assert _in_use(facilitator_home) == BUNDLED_VERSION
