"""A ``figure`` fence is a drawing with labels, shown on screen as one line of words."""

from __future__ import annotations

from facilitator.core.markdown.blocks import BlockKind, parse
from facilitator.core.markdown.html import markdown_html

SOURCE = """# Isberget

```figure iceberg
Det vi ser

Det vi inte ser
```

```text
en ruta
```
"""


def test_a_figure_fence_is_a_figure_with_its_labels_and_line() -> None:
    heading, figure, code = parse(SOURCE)
    assert figure.kind is BlockKind.FIGURE
    assert (figure.figure, figure.labels, figure.line) == (
        "iceberg",
        ("Det vi ser", "Det vi inte ser"),
        3,
    )
    assert figure.text == "[Bild: isberg – Det vi ser / Det vi inte ser]"
    assert code.kind is BlockKind.CODE


def test_on_screen_a_figure_is_a_line_not_code() -> None:
    html = markdown_html(SOURCE)
    assert "<p><i>[Bild: isberg – Det vi ser / Det vi inte ser]</i></p>" in html
    assert "<pre>en ruta</pre>" in html and html.count("<pre>") == 1
    sized = markdown_html("```figure rings\nJag\nVi\n```\n", base_px=20)
    assert "[Bild: ringar – Jag / Vi]" in sized and "<pre>" not in sized


def test_a_figure_inside_a_list_item_stands_on_its_own() -> None:
    item, figure = parse("- Rita:\n\n  ```figure rings\n  Jag\n  Vi\n  ```\n")
    assert item.kind is BlockKind.ITEM and item.text == "Rita:"
    assert figure.kind is BlockKind.FIGURE and figure.labels == ("Jag", "Vi")


def test_an_unknown_figure_still_shows_its_words() -> None:
    (figure,) = parse("```figure pyramid\nTopp\n```\n")
    assert figure.text == "[Bild: pyramid – Topp]"
