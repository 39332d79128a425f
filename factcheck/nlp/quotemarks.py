"""Where quoted words are: double marks (straight or curly) and single marks.

BBC house style quotes in single marks ('like this'), which are also
apostrophes ("Steve's", "peoples'"): a single mark opens only at the start of a
word and closes only at the end of one, and an apostrophe inside a word
("don't") does not end the quotation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.model import Span

# A quotation opens at the last opening mark before its closing one: an
# unclosed "“" ends where the next one starts, so a run of unclosed marks is
# scanned once, not once per mark to the end of the text. A straight mark opens
# after a space and closes after a word. A quotation that ends a sentence and
# then a line, or meets the next opening mark, is left open: the house style
# for one speaker's words running on ('... a partner. "I would also ...').
_RUNS_ON = r"(?<=[.!?,])(?=[ \t]*(?:\n|$)|\s+[\"“]\S)"
_DOUBLE = re.compile(
    r"“(?P<curly>[^“”]{3,}?)(?:(?P<curly_close>”)|" + _RUNS_ON + ")"
    r"|(?<![^\s(\[:—–-])\"(?=[^\s\"])(?P<straight>[^\"\n]{3,}?)"
    r"(?:(?<=\S)(?P<straight_close>\")(?!\w)|" + _RUNS_ON + ")"
)
# No quote mark inside but an apostrophe between letters; a failed match stops
# at the next mark, so each mark is read a bounded number of times.
_SINGLE = re.compile(
    r"(?<![\w'’])['‘](?P<single>(?:[^'‘’\n\"“”]|(?<=\w)['’](?=\w)){3,}?)['’](?!\w)"
)


@dataclass(frozen=True)
class QuotedSpan:
    span: Span  # the quoted words, without their marks
    runs_on: bool  # left open: the next quotation, right after it, is the same speaker's


def quoted_spans(prose: str) -> list[QuotedSpan]:
    """The quoted words in text order; a single-quoted span inside a
    double-quoted one is a quote within the quote, not another."""
    doubles = [_quoted(match) for match in _DOUBLE.finditer(prose)]
    found = list(doubles)
    index = 0
    for match in _SINGLE.finditer(prose):
        single = _quoted(match)
        # Both lists are in text order: one sweep finds the enclosing double quote.
        while index < len(doubles) and doubles[index].span.end <= single.span.start:
            index += 1
        if index < len(doubles) and doubles[index].span.overlaps(single.span):
            continue
        found.append(single)
    return sorted(found, key=lambda quoted: quoted.span.start)


def continues(prose: str, previous: QuotedSpan, quoted: QuotedSpan) -> bool:
    """Does ``quoted`` carry on the words ``previous`` left open?"""
    return previous.runs_on and not prose[previous.span.end : quoted.span.start - 1].strip()


def _quoted(match: re.Match[str]) -> QuotedSpan:
    for group in ("curly", "straight", "single"):
        if group in match.re.groupindex and match.group(group) is not None:
            span = Span(match.start(group), match.end(group))
            closed = group == "single" or match.group(f"{group}_close") is not None
            return QuotedSpan(span, runs_on=not closed)
    raise AssertionError("a quotation pattern matched no group")
