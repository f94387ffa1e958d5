"""`facilitator modules …`: exit codes and what an author reads."""

from __future__ import annotations

import argparse
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from facilitator.cli import modules as cli_modules
from facilitator.cli.failures import run_command

from .conftest import edit_manifest


def run(*argv: str) -> tuple[int, str]:
    parser = argparse.ArgumentParser(prog="facilitator")
    cli_modules.add_parser(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["modules", *argv])
    out = io.StringIO()
    # As the command line does: a failure is told (here into the same buffer) with its code.
    code = run_command(lambda: args.handler(args, out), lambda: Path("unused.log"), err=out)
    return code, out.getvalue()


def test_validate_a_valid_module(module: Path) -> None:
    code, output = run("validate", str(module))
    assert code == 0
    assert output.startswith(f"OK   {module} (exempel-modul 1.0.0)")


def test_validate_reports_file_line_field_found_and_expected(module: Path) -> None:
    edit_manifest(module, "minutes = 15", 'minutes = "femton"')
    code, output = run("validate", "--no-probe", str(module.parent))
    assert code == 1
    line = next(line for line in output.splitlines() if "steps[3].minutes" in line)
    assert line.strip().startswith(f"fel: {module / 'module.toml'}:")
    assert 'hittade "femton" – ska vara ett heltal' in line
    assert "Traceback" not in output


def test_validate_json_and_strict(module: Path) -> None:
    (module / "texts" / "introduktion.md").write_text("# Kort\n", encoding="utf-8")
    code, output = run("validate", "--json", str(module))
    assert code == 0
    payload = json.loads(output)
    assert payload[0]["ok"] is True
    assert payload[0]["problems"][0]["severity"] == "warning"
    assert run("validate", "--strict", str(module))[0] == 1


def test_pack_import_list_and_validate_a_pack(
    module: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    # The library without the real bundled modules, which change while content is written.
    monkeypatch.setattr(cli_modules, "bundled_modules_dir", lambda: tmp_path / "bundled")
    code, output = run("pack", str(module))
    assert code == 0 and "exempel-modul 1.0.0" in output
    pack = tmp_path / "exempel-modul-1.0.0.fmod"
    assert pack.is_file()
    assert run("validate", str(pack))[0] == 0
    modules_dir = tmp_path / "modules"
    code, output = run("import", str(pack), "--modules-dir", str(modules_dir))
    assert (code, output.strip()) == (0, "”exempel-modul” version 1.0.0 är importerad.")
    code, output = run("import", str(pack), "--modules-dir", str(modules_dir))
    assert (code, output.strip()) == (
        0,
        "”exempel-modul” version 1.0.0 är redan installerad. Ingenting har ändrats.",
    )
    assert run("import", str(pack), "--modules-dir", str(modules_dir), "--replace")[0] == 0
    code, output = run("list", "--modules-dir", str(modules_dir), "--json")
    listed = json.loads(output)
    assert [(m["id"], m["runnable"], m["origin"]) for m in listed] == [
        ("exempel-modul", True, "user")
    ]
    code, output = run("list", "--modules-dir", str(modules_dir))
    assert code == 0 and "exempel-modul" in output


def test_refused_pack_exits_1_with_the_reason(tmp_path: Path) -> None:
    bogus = tmp_path / "x.fmod"
    bogus.write_text("inte en zip", encoding="utf-8")
    code, output = run("import", str(bogus), "--modules-dir", str(tmp_path / "m"))
    assert code == 1 and output.startswith("Filen är inte ett modulpaket")
    code, output = run("validate", str(bogus))
    assert code == 1 and "inte ett modulpaket" in output


def test_pack_of_a_broken_module_lists_its_problems(module: Path, tmp_path: Path) -> None:
    edit_manifest(module, "minutes = 45", "minutes = 50")
    code, output = run("pack", str(module), "-o", str(tmp_path / "x.fmod"))
    assert code == 1 and "variants[0].minutes" in output
    assert not (tmp_path / "x.fmod").exists()


def test_schema(tmp_path: Path) -> None:
    code, output = run("schema")
    schema = json.loads(output)
    assert code == 0 and schema["$schema"].startswith("https://json-schema.org/")
    assert "steps" in schema["properties"]
    run("schema", "-o", str(tmp_path / "module.schema.json"))
    assert json.loads((tmp_path / "module.schema.json").read_text(encoding="utf-8")) == schema


def test_the_real_command_line(module: Path) -> None:
    command = [sys.executable, "-m", "facilitator", "modules", "validate", "--no-probe"]
    ok = subprocess.run([*command, str(module)], capture_output=True, text=True, check=False)
    assert ok.returncode == 0, ok.stderr
    edit_manifest(module, "minutes = 45", "minutes = 50")
    bad = subprocess.run([*command, str(module)], capture_output=True, text=True, check=False)
    assert bad.returncode == 1 and "variants[0].minutes" in bad.stdout
    assert "Traceback" not in bad.stderr
