"""The summary's accessible HTML twin, parsed with the standard library's parser as a browser
would read it: its language, one h1 and headings that never skip a level, data tables with a
caption and headers, reflections in their own direction and never read as markup, nothing
fetched from anywhere."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest

from facilitator.core import i18n
from facilitator.core.export.gather import gather_session
from facilitator.core.export.model import SessionExport
from facilitator.core.export.summary_html import write_summary_html
from facilitator.core.storage.records import ReflectionKind
from tests.core.export.sample_data import (
    ARABIC,
    PRIVATE,
    PROMPT,
    REFLECTIONS,
    add_session,
    example_manifests,
    open_sample_db,
)

LOCALE = Path(__file__).resolve().parents[3] / "resources" / "locale"
HOSTILE = '<script>alert("x")</script></table></ul><img src="http://evil.example/x.png">&amp;'


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    text: str = ""
    parents: tuple[str, ...] = ()


@dataclass
class Page(HTMLParser):
    elements: list[Element] = field(default_factory=list)
    _open: list[Element] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__(convert_charrefs=True)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs}, "", tuple(e.tag for e in self._open))
        self.elements.append(element)
        if tag not in {"meta", "br", "img", "link", "input"}:
            self._open.append(element)

    def handle_endtag(self, tag: str) -> None:
        assert self._open and self._open[-1].tag == tag, (tag, [e.tag for e in self._open])
        self._open.pop()

    def handle_data(self, data: str) -> None:
        for element in self._open:
            element.text += data

    def all(self, *tags: str) -> list[Element]:
        return [e for e in self.elements if e.tag in tags]


def parse(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    page.close()
    assert not page._open, [e.tag for e in page._open]  # every element closed, in order
    return page


@pytest.fixture
def hostile_session(tmp_path: Path) -> SessionExport:
    db = open_sample_db(tmp_path / "data")
    try:
        step_key = REFLECTIONS[0][0]
        reflections = (*REFLECTIONS, (step_key, PROMPT, ReflectionKind.NOTE, HOSTILE))
        uuid = add_session(db, title="Möte <b>&</b> samtal", reflections=reflections)
        return gather_session(db.repo, uuid, example_manifests())
    finally:
        db.close()


@pytest.fixture(params=["sv", "en"])
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    if request.param == "en" and not (LOCALE / "en" / "LC_MESSAGES" / "facilitator.mo").exists():
        pytest.fail("the English catalogue is not compiled; run make")
    assert i18n.activate(request.param, LOCALE)
    yield request.param
    i18n.activate("sv", LOCALE)


def test_language_title_and_heading_structure(
    hostile_session: SessionExport, language: str, tmp_path: Path
) -> None:
    page = parse(write_summary_html(hostile_session, tmp_path / "s.html"))
    (root,) = page.all("html")
    assert root.attrs["lang"] == language
    (title,) = page.all("title")
    assert title.text == i18n._("Sammanfattning: {title}").format(title="Möte <b>&</b> samtal")
    (h1,) = page.all("h1")
    assert h1.text == "Möte <b>&</b> samtal"
    levels = [int(e.tag[1]) for e in page.all("h1", "h2", "h3", "h4", "h5", "h6")]
    assert levels[0] == 1
    assert all(b <= a + 1 for a, b in itertools.pairwise(levels)), levels
    h2 = [e.text for e in page.all("h2")]
    for section in ("Närvaro", "Tidsplan: planerat och genomfört", "Reflektioner", "Utvärdering"):
        assert i18n._(section) in h2
    assert "Egna erfarenheter" in [e.text for e in page.all("h3")]


def test_tables_have_a_caption_and_headers(hostile_session: SessionExport, tmp_path: Path) -> None:
    html = write_summary_html(hostile_session, tmp_path / "s.html")
    page = parse(html)
    tables = page.all("table")
    # by gender, by target group, time per step, two questions, the knowledge indicator
    assert len(tables) == 6
    captions = [e for e in page.all("caption")]
    assert len(captions) == len(tables) and all(c.text.strip() for c in captions)
    assert all(c.parents[-1] == "table" for c in captions)
    headers = page.all("th")
    assert {h.attrs.get("scope") for h in headers} == {"col", "row"}
    assert all("thead" in h.parents or h.attrs["scope"] == "row" for h in headers)
    rows = [e for e in page.all("tr") if "tbody" in e.parents]
    assert rows
    steps = next(t for t in tables if t.text.startswith("Tid per steg"))
    assert "Paus10 minhoppades över" in steps.text.replace("\u00a0", " ")


def test_a_hostile_reflection_is_text_never_markup(
    hostile_session: SessionExport, tmp_path: Path
) -> None:
    html = write_summary_html(hostile_session, tmp_path / "s.html")
    page = parse(html)
    assert not page.all("script", "img", "b", "iframe", "object", "link")
    (item,) = [e for e in page.all("li") if "alert" in e.text]
    assert item.text == HOSTILE
    assert item.attrs["dir"] == "auto"
    source = html.read_text(encoding="utf-8")
    assert "<script" not in source and "</table></ul>" not in source
    assert "&lt;script&gt;" in source and "&amp;amp;" in source


def test_reflections_keep_their_direction_and_private_notes_stay_out(
    hostile_session: SessionExport, tmp_path: Path
) -> None:
    html = write_summary_html(hostile_session, tmp_path / "s.html")
    page = parse(html)
    (arabic,) = [e for e in page.all("li") if e.text == ARABIC]
    assert arabic.attrs["dir"] == "auto"
    assert all(
        e.attrs.get("dir") == "auto" for e in page.all("li") if "typed" in e.attrs.get("class", "")
    )
    assert PRIVATE not in html.read_text(encoding="utf-8")


def test_one_file_that_fetches_nothing(hostile_session: SessionExport, tmp_path: Path) -> None:
    html = write_summary_html(hostile_session, tmp_path / "s.html")
    page = parse(html)
    for element in page.elements:
        assert not {"src", "href", "srcset", "action", "data"} & set(element.attrs), element
    style = "".join(e.text for e in page.all("style"))
    assert "url(" not in style and "@import" not in style
    (policy,) = [e for e in page.all("meta") if e.attrs.get("http-equiv")]
    assert "default-src 'none'" in policy.attrs["content"]
    source = html.read_text(encoding="utf-8")
    assert "http://" not in source.replace("http://evil.example", "")
    assert "https://" not in source
    assert "@media print" in style
