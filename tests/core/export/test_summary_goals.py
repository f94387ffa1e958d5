"""The summary claims the goals of the session's variant only, and lists the module's sources
as full citations, in the PDF and in its HTML twin alike."""

from __future__ import annotations

import json
from pathlib import Path

from facilitator.core.export.gather import gather_session
from facilitator.core.export.summary_html import summary_html
from facilitator.core.export.summary_pdf import write_summary_pdf
from facilitator.core.planning import ModuleChoice, plan_for
from tests.core.application.rig import example_module
from tests.core.export import pdf_tools
from tests.core.export.sample_data import add_session, example_manifests, open_sample_db

ALWAYS = "Deltagarna har reflekterat över ..."
TIED = "Deltagarna kan beskriva ... med isbergsmodellen"
HALL = "Hall, E. T. (1976). Beyond Culture. Anchor Press/Doubleday."


def _plan_json(minutes: int) -> str:
    manifest = example_module().manifest
    plan = plan_for([ModuleChoice(manifest, manifest.variant(minutes))])
    return json.dumps(plan.to_dict())


def test_goals_follow_the_variant_and_sources_are_cited(tmp_path: Path) -> None:
    db = open_sample_db(tmp_path)
    try:
        short = add_session(db, plan_json=_plan_json(45))
        long = add_session(db, plan_json=_plan_json(57))
        unreadable = add_session(db)  # no readable plan: the steps that ran decide
        sessions = {
            key: gather_session(db.repo, uuid, example_manifests())
            for key, uuid in (("short", short), ("long", long), ("runs", unreadable))
        }
    finally:
        db.close()
    assert sessions["short"].about[0].goals == (ALWAYS,)
    assert sessions["long"].about[0].goals == (ALWAYS, TIED)
    assert sessions["runs"].about[0].goals == (ALWAYS, TIED)
    assert HALL in sessions["short"].about[0].sources

    html = summary_html(sessions["short"])
    assert ALWAYS in html and TIED not in html and HALL in html
    assert html.index("Lärandemål") < html.index("Närvaro") < html.index("Källor")
    pdf = write_summary_pdf(sessions["short"], tmp_path / "kort.pdf")
    text = " ".join(pdf_tools.text(pdf).split())
    assert ALWAYS in text and TIED not in text and HALL in text
    assert text.index("Lärandemål") < text.index("Närvaro") < text.rindex("Källor")
    long_text = " ".join(
        pdf_tools.text(write_summary_pdf(sessions["long"], tmp_path / "l.pdf")).split()
    )
    assert TIED in long_text
