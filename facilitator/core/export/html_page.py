"""A self-contained, accessible HTML page: the twin of a PDF for readers a PDF fails (tagged
structure, reflowing text, a screen reader's own voice per language). One file, no external
assets and no script: the style sheet is inline, a Content-Security-Policy forbids loading
anything, and every piece of text is escaped, since much of it is what people typed
(docs/decisions/0014-accessible-documents.md)."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

_NOT_IN_HTML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff]")
"""Characters HTML does not allow in text; a stray one would be a parse error."""

_STYLE = """
body { font-family: "Noto Sans", "Segoe UI", Arial, sans-serif; font-size: 1rem;
  line-height: 1.5; color: #000; background: #fff; max-width: 46rem; margin: 1.5rem auto;
  padding: 0 1rem; }
h1 { font-size: 1.8rem; line-height: 1.25; margin: 0.2rem 0 1rem; }
h2 { font-size: 1.35rem; margin: 2rem 0 0.6rem; border-bottom: 2px solid #000; }
h3 { font-size: 1.1rem; margin: 1.4rem 0 0.4rem; }
h4 { font-size: 1rem; margin: 1rem 0 0.3rem; }
h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
.kind { color: #444; font-size: 1rem; margin: 0; }
.note { color: #444; font-size: 0.9rem; }
.typed { white-space: pre-wrap; overflow-wrap: anywhere; }
.quote { font-style: italic; }
.standout { border: 2px solid #000; padding: 0.2rem 1rem 0.6rem; margin: 1rem 0; }
.standout h2 { border: 0; margin-top: 0.6rem; }
.standout .from { font-size: 0.85rem; font-weight: bold; color: #444; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.3rem 1.2rem; }
dl.facts dt { color: #444; }
dl.facts dd { margin: 0; }
table { border-collapse: collapse; margin: 0.6rem 0 1.2rem; min-width: 20rem; }
caption { text-align: start; font-weight: bold; padding-bottom: 0.3rem; }
th, td { border: 1px solid #666; padding: 0.25rem 0.6rem; text-align: start;
  vertical-align: top; }
thead th { background: #e6e6e6; }
td.number, th.number { text-align: end; font-variant-numeric: tabular-nums; }
tr { break-inside: avoid; page-break-inside: avoid; }
@media print {
  body { font-size: 11pt; max-width: none; margin: 0; }
  .standout { border-width: 1.5pt; }
}
"""


def text(value: str) -> str:
    """``value`` as HTML text: every character that could start markup escaped, characters
    HTML forbids dropped. Typed text is never interpreted."""
    return html.escape(_NOT_IN_HTML.sub("", value), quote=True)


def typed(tag: str, value: str, css_class: str = "") -> str:
    """Text a person typed, in its own direction (``dir="auto"``: an Arabic reflection in a
    Swedish page reads right to left), with its line breaks kept."""
    classes = f"typed {css_class}".strip()
    return f'<{tag} dir="auto" class="{classes}">{text(value)}</{tag}>'


def heading(level: int, value: str) -> str:
    return f'<h{level} dir="auto">{text(value)}</h{level}>'


def paragraph(value: str, css_class: str = "") -> str:
    attribute = f' class="{css_class}"' if css_class else ""
    return f"<p{attribute}>{text(value)}</p>"


def facts(rows: Sequence[tuple[str, str]]) -> str:
    """Label / value pairs (the cover's who, what, where) as a description list."""
    items = "".join(f"<dt>{text(label)}</dt>{typed('dd', value)}" for label, value in rows)
    return f'<dl class="facts">{items}</dl>'


def bullet_list(items: Sequence[str], css_class: str = "") -> str:
    """Typed items as a list (each in its own direction)."""
    return "<ul>" + "".join(typed("li", item, css_class) for item in items) + "</ul>"


def data_table(
    caption: str, header: Sequence[str], rows: Sequence[Sequence[str]], *, numbers_from: int = 1
) -> str:
    """A data table a screen reader can walk: a caption, column headers with scope="col", and
    the first cell of each row a row header with scope="row". Columns from ``numbers_from``
    hold numbers and are aligned at the end."""

    def cell(tag: str, column: int, value: str, scope: str = "") -> str:
        attributes = f' scope="{scope}"' if scope else ""
        if column >= numbers_from:
            attributes += ' class="number"'
        else:
            attributes += ' dir="auto"'
        return f"<{tag}{attributes}>{text(value)}</{tag}>"

    head = "".join(cell("th", i, value, "col") for i, value in enumerate(header))
    body = "".join(
        "<tr>"
        + "".join(
            cell("th", 0, value, "row") if i == 0 else cell("td", i, value)
            for i, value in enumerate(row)
        )
        + "</tr>"
        for row in rows
    )
    return (
        f"<table><caption>{text(caption)}</caption>"
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


def page(title: str, language: str, body: Sequence[str]) -> str:
    """The whole document: ``body`` is markup built with the functions above."""
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{text(language)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta http-equiv="Content-Security-Policy" '
        "content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{text(title)}</title>\n<style>{_STYLE}</style>\n</head>\n"
        "<body>\n<main>\n" + "\n".join(body) + "\n</main>\n</body>\n</html>\n"
    )
