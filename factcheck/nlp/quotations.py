"""Quotations in typographic or straight double quotes, and who said them."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from factcheck.model import Mention, Quotation, Span
from factcheck.nlp import lexicon
from factcheck.nlp.tokentable import TokenTable

# A quotation opens at the last opening mark before its closing one: an
# unclosed "“" ends where the next one starts, so a run of unclosed marks is
# scanned once, not once per mark to the end of the text.
_QUOTE_PAIRS = re.compile(r"“([^“”]{3,}?)”|\"([^\"\n]{3,}?)\"")


def quotations(table: TokenTable, mentions: Sequence[Mention]) -> list[Quotation]:
    # The speaker is a name next to a verb of speech ("Zhao said", "said
    # Zhao") in the quotation's sentence or one beside it; the nearest name
    # alone may be a place or the subject of the quote ("on Twitter").
    # Speakers are found once and filed by sentence, so each quotation reads
    # only its own three sentences' speakers.
    speakers: dict[int, list[Mention]] = defaultdict(list)
    for mention in mentions:
        if mention.label in {"PERSON", "MISC"} and _speaks(table, mention):
            speakers[table.sentence_of(mention.span.start)].append(mention)
    found: list[Quotation] = []
    for match in _QUOTE_PAIRS.finditer(table.prose):
        group = 1 if match.group(1) is not None else 2
        span = Span(match.start(group), match.end(group))
        sentence = table.sentence_of(span.start)
        people = [
            m
            for near in (sentence - 1, sentence, sentence + 1)
            for m in speakers.get(near, ())
            if not span.overlaps(m.span)
        ]
        speaker = min(people, key=lambda m: _distance(m.span, span)).text if people else None
        found.append(
            Quotation(span=span, text=match.group(group), speaker=speaker, sentence=sentence)
        )
    return found


def _speaks(table: TokenTable, mention: Mention) -> bool:
    """Is the name the subject of a verb of speech, right after or right before it?"""
    after = table.index_by_end[mention.span.end] + 1
    before = table.index_by_start[mention.span.start] - 1
    # Only the adjacent word is read: a verb further away may have another subject.
    if any(
        0 <= i < len(table.tokens) and table.tokens[i].lower in lexicon.SPEECH_VERBS
        for i in (after, before)
    ):
        return True
    return before >= 1 and [t.lower for t in table.tokens[before - 1 : before + 1]] == [
        "according",
        "to",
    ]


def _distance(a: Span, b: Span) -> int:
    return min(abs(a.start - b.end), abs(b.start - a.end))
