"""`facilitator printables --minutes N`: the deltagarmaterial and signs for one length hold
only what that length uses (a leader printing for module 06 at 45 minutes got the four-corner
signs and eight questions, four of them for steps the session did not have)."""

from __future__ import annotations

from pathlib import Path

from tests.cli.cli_rig import ROOT, run_cli
from tests.core.export import pdf_tools

MODULE = ROOT / "modules" / "06-fordjupning-6-jamstalldhet-normer-diskriminering"
NOT_AT_45 = "Vem passar in i era oskrivna regler"  # the norms step's question: 75 minutes up
AT_45 = "Berätta om ett möte där jämställdheten sattes på prov"


def _flat(pdf: Path) -> str:
    return " ".join(pdf_tools.text(pdf).split())


def test_one_length_gets_its_own_questions_and_pages(
    facilitator_home: Path, tmp_path: Path
) -> None:
    ran = run_cli(
        facilitator_home, "printables", str(MODULE), "-o", str(tmp_path), "--minutes", "45"
    )
    assert ran.code == 0, ran.stderr
    name = MODULE.name
    handout = _flat(tmp_path / f"{name}-deltagarmaterial-45-min.pdf")
    assert AT_45 in handout and NOT_AT_45 not in handout
    assert not (tmp_path / f"{name}-skyltar-45-min.pdf").exists()  # no four corners at 45
    assert (tmp_path / f"{name}-forberedelseguide.pdf").is_file()  # covers every length

    ran = run_cli(facilitator_home, "printables", str(MODULE), "-o", str(tmp_path))
    assert ran.code == 0, ran.stderr
    assert NOT_AT_45 in _flat(tmp_path / f"{name}-deltagarmaterial.pdf")
    assert (tmp_path / f"{name}-skyltar.pdf").is_file()


def test_a_length_the_module_lacks_is_told(facilitator_home: Path, tmp_path: Path) -> None:
    ran = run_cli(
        facilitator_home, "printables", str(MODULE), "-o", str(tmp_path), "--minutes", "50"
    )
    assert ran.code == 1
    assert "ingen längd på 50 minuter (den finns i 45, 75, 90, 120 minuter)" in ran.stderr
    assert "Traceback" not in ran.stderr
