"""Line numbers for manifest fields, found by reading the TOML text."""

from __future__ import annotations

from facilitator.core.content.toml_lines import TomlLines

DOC = '''# comment [[steps]]
id = "x"
"quoted key" = 1
a.b = 2

[[steps]]
id = "one"
body = """
[[steps]]
minutes = 99
"""

[[steps]]
id = "two"  # a comment
steps = [
  "a",   # first
  "b",
]
override = { "one" = 3, two = 4 }
[[steps.pause_points]]
at = 1.0
[[steps.pause_points]]
at = 2.0

[film]
file = 'f.mp4'
[[film.subtitles]]
file = "s.vtt"
'''


def test_keys_headers_and_array_elements() -> None:
    lines = TomlLines(DOC)
    assert lines.exact_line_of(("id",)) == 2
    assert lines.exact_line_of(("quoted key",)) == 3
    assert lines.exact_line_of(("a", "b")) == 4
    assert lines.exact_line_of(("steps", 0)) == 6
    assert lines.exact_line_of(("steps", 0, "body")) == 8
    assert lines.exact_line_of(("steps", 1)) == 13
    assert lines.exact_line_of(("steps", 2)) is None  # the header inside the string is text
    assert lines.exact_line_of(("steps", 1, "steps", 1)) == 17
    assert lines.exact_line_of(("steps", 1, "override", "two")) == 19
    assert lines.exact_line_of(("steps", 1, "pause_points", 1, "at")) == 23
    assert lines.exact_line_of(("film", "subtitles", 0, "file")) == 28


def test_lookup_falls_back_to_the_enclosing_table() -> None:
    lines = TomlLines(DOC)
    assert lines.line_of(("steps", 1, "title")) == 13
    assert lines.line_of(("nothing",)) is None


def test_garbage_gives_no_lines_but_no_exception() -> None:
    lines = TomlLines('x = [1, 2\n[[[ ]]] = = "')
    assert lines.line_of(("y",)) is None
