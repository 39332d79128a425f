"""Initialled names: splitting them, and whether they fit a full name."""

from __future__ import annotations

from factcheck.facts.names.initials import Initialled, initials_fit, split_initials


def test_split_initials() -> None:
    assert split_initials("V. Volodin") == Initialled(("V",), ("Volodin",))
    assert split_initials("V.V. Volodin") == Initialled(("V", "V"), ("Volodin",))
    assert split_initials("J. R. R. Tolkien") == Initialled(("J", "R", "R"), ("Tolkien",))
    assert split_initials("Vyacheslav Volodin") is None
    assert split_initials("U.S.") is None


def test_initials_fit_given_names_in_order() -> None:
    volodin = split_initials("V. V. Volodin")
    assert volodin is not None and initials_fit(volodin, "Vyacheslav Volodin")
    wrong = split_initials("A. Volodin")
    assert wrong is not None and not initials_fit(wrong, "Vyacheslav Volodin")
    other = split_initials("V. Putin")
    assert other is not None and not initials_fit(other, "Vyacheslav Volodin")
    # The surname alone is not a full name to fit.
    assert not initials_fit(other, "Putin")
