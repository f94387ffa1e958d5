"""Cutting a run of blocks into pages, with a ruler instead of fonts."""

from __future__ import annotations

from collections.abc import Sequence

from facilitator.core.presentation.pagination import paginate


def fits_in(room: int):
    return lambda page: sum(len(unit) for unit in page) <= room


def halves(unit: str) -> Sequence[str]:
    middle = len(unit) // 2
    return [unit[:middle], unit[middle:]] if len(unit) > 1 else [unit]


def test_units_that_fit_share_a_page_and_order_is_kept() -> None:
    assert paginate(["aa", "bb", "cc"], fits_in(4), halves) == [("aa", "bb"), ("cc",)]


def test_one_page_when_everything_fits() -> None:
    assert paginate(["a", "b"], fits_in(10), halves) == [("a", "b")]


def test_a_unit_too_large_for_any_page_is_cut_and_fills_the_page_it_starts_on() -> None:
    pages = paginate(["a", "bbbbbbbb"], fits_in(5), halves)
    assert pages == [("a", "bbbb"), ("bbbb",)]
    assert "".join("".join(page) for page in pages) == "abbbbbbbb"


def test_a_unit_that_cannot_be_cut_gets_a_page_of_its_own_rather_than_being_dropped() -> None:
    assert paginate(["a", "x" * 9], fits_in(5), lambda unit: [unit]) == [("a",), ("x" * 9,)]


def test_a_heading_does_not_end_a_page() -> None:
    pages = paginate(["aa", "#", "bb"], fits_in(3), halves, keep_with_next=lambda u: u == "#")
    assert pages == [("aa",), ("#", "bb")]
