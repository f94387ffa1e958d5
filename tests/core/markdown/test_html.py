"""Safe HTML for Qt: every character escaped, only tags written here, nothing to load."""

from __future__ import annotations

import re

from facilitator.core.markdown.html import markdown_html

ALLOWED = {
    "p", "br", "b", "i", "u", "code", "pre", "ul", "ol", "li", "blockquote", "hr",
    "table", "tr", "td", "th", "h2", "h3", "h4", "h5", "h6",
}  # fmt: skip


def tags(html: str) -> set[str]:
    return {name.lower() for name in re.findall(r"</?([a-zA-Z0-9]+)", html)}


def test_headings_lists_and_emphasis() -> None:
    html = markdown_html("## Rubrik\n\n- **fet** och *kursiv*\n- två\n\n1. ett\n")
    assert "<h3>Rubrik</h3>" in html
    assert "<ul" in html and "<li>" in html and '<ol start="1"' in html
    assert "<b>fet</b>" in html and "<i>kursiv</i>" in html


def test_raw_html_is_shown_escaped_never_executed() -> None:
    source = '<script>alert(1)</script> <img src="/dev/zero"> <a href="x">a</a>'
    html = markdown_html(source)
    assert "&lt;script&gt;" in html and "&lt;img" in html
    assert tags(html) <= ALLOWED


def test_images_and_links_load_nothing() -> None:
    html = markdown_html("![bild](/dev/zero) [länk](https://example.org) <https://x.se>")
    assert tags(html) <= ALLOWED
    assert "src=" not in html and "href=" not in html
    assert "bild" in html and "<u>länk</u>" in html and "https://x.se" in html


def test_sized_text_for_the_projector() -> None:
    html = markdown_html("# Stor\n\n1. ett\n2. två", base_px=50)
    assert "font-size:65px" in html  # a heading a little larger than the body
    assert "<table" in html and "1." in html and "2." in html  # markers in a column
    assert tags(html) <= ALLOWED
