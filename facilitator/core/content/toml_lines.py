"""Line numbers for values in a TOML document.

tomllib returns plain dicts without positions, so this walks the text once more and records
the line where each key, table header and array element starts. It runs only on text that
tomllib has already accepted, so it can be forgiving: anything it does not understand simply
gets no line, and a lookup falls back to the nearest enclosing table.
"""

from __future__ import annotations

import contextlib
import tomllib
from collections.abc import Sequence

from facilitator.core.content.problems import FieldPath

_BARE_KEY = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")
_SCALAR_END = frozenset(",]}\n#")


class TomlLines:
    def __init__(self, text: str) -> None:
        self._text = text
        self._n = len(text)
        self._i = 0
        self._line = 1
        self._lines: dict[FieldPath, int] = {}
        self._arrays: dict[FieldPath, int] = {}
        # On a surprise keep what was found so far; lookups fall back to enclosing tables.
        with contextlib.suppress(IndexError, ValueError, tomllib.TOMLDecodeError, RecursionError):
            self._document()

    def line_of(self, path: Sequence[str | int]) -> int | None:
        """The line of ``path`` or of the nearest enclosing key, table or element."""
        key = tuple(path)
        while key:
            if key in self._lines:
                return self._lines[key]
            key = key[:-1]
        return None

    def exact_line_of(self, path: Sequence[str | int]) -> int | None:
        return self._lines.get(tuple(path))

    # -- the walk -------------------------------------------------------------------------

    def _peek(self, offset: int = 0) -> str:
        j = self._i + offset
        return self._text[j] if j < self._n else ""

    def _advance(self, count: int = 1) -> None:
        for _ in range(count):
            if self._i < self._n and self._text[self._i] == "\n":
                self._line += 1
            self._i += 1

    def _skip_blanks(self, newlines: bool) -> None:
        """Whitespace and comments; newlines too inside arrays."""
        while self._i < self._n:
            c = self._text[self._i]
            if c in " \t\r" or (newlines and c == "\n"):
                self._advance()
            elif c == "#":
                while self._i < self._n and self._text[self._i] != "\n":
                    self._i += 1
            else:
                return

    def _skip_line(self) -> None:
        while self._i < self._n and self._text[self._i] != "\n":
            self._i += 1

    def _document(self) -> None:
        table: FieldPath = ()
        while self._i < self._n:
            self._skip_blanks(newlines=True)
            if self._i >= self._n:
                return
            start = self._i
            if self._peek() == "[":
                table = self._header()
            else:
                self._key_value(table)
            self._skip_line()
            if self._i == start:  # never loop without progress, whatever the input
                self._advance()

    def _header(self) -> FieldPath:
        line = self._line
        array = self._peek(1) == "["
        self._advance(2 if array else 1)
        keys = self._key()
        concrete: FieldPath = ()
        for index, key in enumerate(keys):
            concrete = (*concrete, key)
            last = index == len(keys) - 1
            if not last and concrete in self._arrays:
                concrete = (*concrete, self._arrays[concrete] - 1)
        if array:
            self._lines.setdefault(concrete, line)
            count = self._arrays.get(concrete, 0)
            self._arrays[concrete] = count + 1
            concrete = (*concrete, count)
        self._lines[concrete] = line
        return concrete

    def _key(self) -> list[str]:
        keys: list[str] = []
        while True:
            self._skip_blanks(newlines=False)
            c = self._peek()
            if c in "\"'":
                keys.append(self._quoted_key(c))
            else:
                start = self._i
                while self._peek() and self._peek() in _BARE_KEY:
                    self._i += 1
                if self._i == start:
                    raise ValueError("no key")
                keys.append(self._text[start : self._i])
            self._skip_blanks(newlines=False)
            if self._peek() != ".":
                return keys
            self._i += 1

    def _quoted_key(self, quote: str) -> str:
        start = self._i
        self._i += 1
        while self._peek() and self._peek() != quote:
            self._i += 2 if quote == '"' and self._peek() == "\\" else 1
        self._i += 1
        raw = self._text[start : self._i]
        # The key's escapes are decoded by the real parser rather than a second implementation.
        return str(tomllib.loads(f"k = {raw}")["k"])

    def _key_value(self, table: FieldPath) -> None:
        line = self._line
        path = (*table, *self._key())
        self._lines[path] = line
        self._skip_blanks(newlines=False)
        if self._peek() != "=":
            raise ValueError("no =")
        self._advance()
        self._skip_blanks(newlines=False)
        self._value(path)

    def _value(self, path: FieldPath) -> None:
        c = self._peek()
        if c == "[":
            self._array(path)
        elif c == "{":
            self._inline_table(path)
        elif self._text.startswith('"""', self._i) or self._text.startswith("'''", self._i):
            self._multiline_string(self._text[self._i : self._i + 3])
        elif c in "\"'":
            self._string(c)
        else:
            while self._peek() and self._peek() not in _SCALAR_END:
                self._i += 1

    def _string(self, quote: str) -> None:
        self._i += 1
        while self._peek() and self._peek() not in (quote, "\n"):
            self._i += 2 if quote == '"' and self._peek() == "\\" else 1
        self._i += 1

    def _multiline_string(self, delimiter: str) -> None:
        self._advance(3)
        while self._i < self._n:
            if delimiter == '"""' and self._peek() == "\\":
                self._advance(2)
            elif self._text.startswith(delimiter, self._i):
                self._advance(3)
                while self._peek() == delimiter[0]:  # up to two quotes may end the content
                    self._advance()
                return
            else:
                self._advance()

    def _array(self, path: FieldPath) -> None:
        self._advance()
        index = 0
        while self._i < self._n:
            self._skip_blanks(newlines=True)
            if self._peek() == "]":
                self._advance()
                return
            element = (*path, index)
            self._lines[element] = self._line
            self._value(element)
            self._skip_blanks(newlines=True)
            if self._peek() == ",":
                self._advance()
                index += 1
            elif self._peek() != "]":
                raise ValueError("bad array")

    def _inline_table(self, path: FieldPath) -> None:
        self._advance()
        while self._i < self._n:
            self._skip_blanks(newlines=False)
            if self._peek() == "}":
                self._advance()
                return
            self._key_value(path)
            self._skip_blanks(newlines=False)
            if self._peek() == ",":
                self._advance()
            elif self._peek() != "}":
                raise ValueError("bad inline table")
