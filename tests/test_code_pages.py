"""The shipped code pages, read as package resources."""

from __future__ import annotations

from factcheck.code_pages import code_page, page_codes


def test_every_page_is_listed_and_readable() -> None:
    codes = page_codes()
    assert {"FC101", "FC905"} <= set(codes)
    assert all(code_page(code) for code in codes)
    assert code_page("FC101").startswith("# FC101: misspelt-person-name\n")  # type: ignore[union-attr]


def test_no_page_for_an_unknown_or_malformed_code() -> None:
    assert code_page("FC999") is None
    assert code_page("README") is None  # the index is not a code's page
    assert code_page("../FC101") is None
