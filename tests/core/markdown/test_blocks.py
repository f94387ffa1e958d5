"""Module Markdown parsed once into blocks: what every surface shows."""

from __future__ import annotations

from facilitator.core.markdown.blocks import Block, BlockKind, Span, parse, plain, sentences


def kinds(source: str) -> list[BlockKind]:
    return [block.kind for block in parse(source)]


def test_headings_paragraphs_rules_and_quotes() -> None:
    blocks = parse("# Rubrik\n\nEtt stycke\nsom fortsätter.\n\n---\n\n> Citat")
    assert [b.kind for b in blocks] == [
        BlockKind.HEADING,
        BlockKind.PARAGRAPH,
        BlockKind.RULE,
        BlockKind.QUOTE,
    ]
    assert blocks[0].level == 1 and blocks[0].text == "Rubrik"
    assert blocks[1].text == "Ett stycke som fortsätter."  # a soft line break is a space


def test_lists_keep_markers_numbers_depth_and_task_boxes() -> None:
    blocks = parse("- ett\n  fortsätter\n- [ ] kryssa\n  - inuti\n\n3. tre\n4. fyra\n")
    assert [(b.marker, b.level, b.text) for b in blocks] == [
        ("•", 1, "ett fortsätter"),
        ("☐", 1, "kryssa"),
        ("•", 2, "inuti"),
        ("3.", 1, "tre"),
        ("4.", 1, "fyra"),
    ]
    assert [b.number for b in blocks[3:]] == [3, 4]


def test_emphasis_and_code_are_kept_as_looks() -> None:
    (block,) = parse("Det här är **viktigt**, *betonat* och `kod`.")
    assert Span("viktigt", bold=True) in block.spans
    assert Span("betonat", italic=True) in block.spans
    assert Span("kod", code=True) in block.spans


def test_raw_html_is_text_not_markup() -> None:
    (block,) = parse('Ingen <b>HTML</b> eller <img src="/dev/zero"> här.')
    assert block.text == 'Ingen <b>HTML</b> eller <img src="/dev/zero"> här.'
    assert kinds("<script>alert(1)</script>") == [BlockKind.PARAGRAPH]


def test_images_and_links_are_only_words() -> None:
    (block,) = parse("![en bild](/etc/passwd) och [en länk](https://x.se) och <https://y.se>")
    assert plain(block.spans) == "en bild och en länk (https://x.se) och https://y.se"
    assert not any(span.link == "/etc/passwd" for span in block.spans)


def test_a_line_to_write_on_in_a_list_stays_a_line() -> None:
    (block,) = parse("- ______________\n")
    assert block.kind is BlockKind.ITEM and block.text == "______________"


def test_tables_and_code_blocks() -> None:
    table, code = parse("| a | b |\n|---|---|\n| 1 | 2 |\n\n```\n+--+\n|  |\n```\n")
    assert table.kind is BlockKind.TABLE
    assert [[plain(cell) for cell in row] for row in table.rows] == [["a", "b"], ["1", "2"]]
    assert code.kind is BlockKind.CODE and code.text == "+--+\n|  |"


def test_a_paragraph_is_cut_after_its_sentences_and_a_sentence_in_halves() -> None:
    (block,) = parse("Första meningen. Andra **meningen**! Tredje?")
    assert [piece.text for piece in sentences(block)] == [
        "Första meningen.",
        "Andra meningen!",
        "Tredje?",
    ]
    one = Block(BlockKind.ITEM, (Span("ett två tre fyra"),), level=1, marker="•")
    first, second = sentences(one)
    assert (first.marker, second.marker) == ("•", "")  # the marker stays with the start
    assert " ".join((first.text + second.text).split()) == "ett två tre fyra"
