"""A logbook to export in the tests: three modules, answers in Swedish, Arabic, Persian,
Tigrinya and with emoji, one with markup characters typed into it."""

from __future__ import annotations

from datetime import UTC, datetime

from facilitator.core.export.logbook_model import Logbook, logbook_of
from facilitator.core.storage.self_study_records import Answer

ARABIC = "أتعلم كل يوم من زملائي في العمل"
PERSIAN = "گفتگو با همکاران به من کمک می‌کند"
TIGRINYA = "ሰላም ንኹሉ ሰብ"
EMOJI = "Det kändes bra 🌱 efteråt"
MARKUP = "Jag skrev <b>fetstil</b> & [en länk](http://x.se) och # rubrik *stjärna*"
MARKDOWN_LINES = (
    "# inte en rubrik\n- inte en lista\n1. inte numrerad\n> inte citat\n<div>html</div>\n---"
)

# Answers a Markdown or PDF writer could mistake for markup.
HOSTILE = [
    "# a heading",
    "###### six",
    "  - an indented item",
    "* star item",
    "+ plus item",
    "1. one",
    "2) two",
    "1986. ett år",
    "> quoted",
    "```\ncode\n```",
    "~~~",
    "    four spaces of code",
    "\ttab code",
    "<div>block</div>",
    "<!-- a comment -->",
    "<b>bold</b> & &amp; &#35; &copy;",
    "[a link](http://example.se)",
    "![an image](x.png)",
    "<http://example.se>",
    "[ref]: http://example.se",
    "ends with a backslash \\\nand goes on",
    "a | b | c\n--- | --- | ---\n1 | 2 | 3",
    "Setext heading\n---",
    "Setext heading\n===",
    "***",
    "___",
    "_em_ and *em* and **strong** and __strong__",
    "`code` and ``more``",
    "~~struck~~",
    "\\* an escaped star",
    "trailing spaces  \nnext line",
    "Hej! Vad roligt (verkligen).",
]


def moment(day: int, month: int = 12, hour: int = 10) -> datetime:
    return datetime(2026, month, day, hour, 0, tzinfo=UTC)


def answers() -> list[Answer]:
    def one(
        n: int,
        module: tuple[str, str, str],
        step: str,
        question: str,
        text: str,
        written: datetime,
        changed: datetime | None = None,
    ) -> Answer:
        return Answer(str(n), *module, step, question, text, written, changed or written)

    culture = ("m03-kultur", "2.0", "Kultur och identitet")
    meeting = ("m01-mote", "2.1", "Att mötas över kulturgränser")
    words = ("m05-ord", "2.0", "Ord som bygger broar")
    return [
        one(
            1,
            culture,
            "egna",
            "Vad betyder kultur för dig?",
            "Kultur är det jag tar för givet.\nDet märks först när någon gör annorlunda.\n\n"
            "Jag tänker på min mormor, som alltid dukade fram kaffe innan någon hann fråga.",
            moment(3),
            moment(5),
        ),
        one(2, culture, "arabiska", "Vad lär du dig av kollegor?", ARABIC, moment(3)),
        one(
            3,
            meeting,
            "tystnad",
            "När missförstod du tystnad senast?",
            PERSIAN + "\n\n" + TIGRINYA,
            moment(20, 11),
        ),
        one(4, meeting, "tecken", "Skriv något med <tecken> & symboler", MARKUP, moment(21, 11)),
        one(
            5, words, "rader", "Vilka ord använder du?", MARKDOWN_LINES + "\n\n" + EMOJI, moment(8)
        ),
    ]


def sample_logbook(owner: str = "Amina Hassan") -> Logbook:
    return logbook_of(answers(), moment(9, hour=15), owner=owner)
