"""Initials as aliases: "V. Volodin" and "V. V. Volodin" for "Vyacheslav Volodin".

An initialled name is one or more capital letters, each with a full stop,
then the surname. It fits a known full name when the surname is that name's
last words and each initial is the first letter of the given name in its
place. Initials beyond the given names the corpus writes are allowed (a
Russian patronymic, an English middle name): the corpus need not write them,
so they cannot contradict it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.facts.names.spelling import WORD

# "V. ", "V.V. ", "V. V. " before a capitalised word.
_INITIALS = re.compile(r"((?:[A-Z]\.[ \t\u00a0]*)+)(?=[A-Z][^\W\d_]+)")


@dataclass(frozen=True)
class Initialled:
    """A name written with initials: the letters, then the surname's words."""

    initials: tuple[str, ...]
    surname: tuple[str, ...]


def split_initials(name: str) -> Initialled | None:
    """``name`` as initials and a surname, or None when it does not start with initials."""
    match = _INITIALS.match(name.strip())
    if match is None:
        return None
    surname = tuple(WORD.findall(name.strip()[match.end() :]))
    if not surname or any(len(word) < 2 for word in surname):
        return None  # "U.S.A.": initials all the way, no surname
    initials = tuple(letter for letter in match.group(1) if letter.isupper())
    return Initialled(initials, surname)


def has_surname(initialled: Initialled, full_name: str) -> bool:
    """Does ``full_name`` end in the initialled name's surname, with given names before it?"""
    words = [w.lower() for w in WORD.findall(full_name)]
    size = len(initialled.surname)
    return len(words) > size and words[-size:] == [w.lower() for w in initialled.surname]


def initials_fit(initialled: Initialled, full_name: str) -> bool:
    """Is ``full_name`` the person the initials and the surname describe?"""
    if not has_surname(initialled, full_name):
        return False
    given = WORD.findall(full_name)[: -len(initialled.surname)]
    return all(
        letter == word[0].upper() for letter, word in zip(initialled.initials, given, strict=False)
    )
