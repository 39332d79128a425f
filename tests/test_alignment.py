"""Word-by-word sentence alignment: what counts as a word of a sentence."""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Sequence

from hypothesis import given
from hypothesis import strategies as st

from factcheck.columns import TokenColumns
from factcheck.facts.alignment import (
    ALNUM,
    TIME,
    VALUE,
    AlignedSentence,
    EntityKey,
    Item,
    aligned_sentences,
)
from factcheck.facts.number_values import NumberValue
from factcheck.model import Analysis, Mention, Sentence, Span, TimeExpression, Token


def test_a_letter_or_digit_is_what_isalnum_says() -> None:
    # Every code point: the search stands in for ``any(c.isalnum() for c in text)``.
    differ = [
        hex(point)
        for point in range(sys.maxunicode + 1)
        if bool(ALNUM.search(chr(point))) != chr(point).isalnum()
    ]
    assert differ == []


# --- the runs of words: the same items as walking the sentence token by token ---


def _aligned_token_by_token(
    analysis: Analysis, entity_key: EntityKey, numbers: Sequence[Sequence[NumberValue]]
) -> list[AlignedSentence]:
    """The alignment as first written, one token at a time: what the runs must equal."""
    sentences = []
    for index, sentence in enumerate(analysis.sentences):
        mentions = {m.span.start: m for m in analysis.mentions if m.sentence == index}
        times = sorted(
            (t for t in analysis.times if t.sentence == index), key=lambda t: t.span.start
        )
        value_at = {p: v for v in numbers[index] for p in range(v.first_token, v.end_token)}
        items: list[Item] = []
        value_items: list[Item] = []
        skip_until = -1
        tokens = analysis.tokens[sentence.first_token : sentence.end_token]
        for position, token in enumerate(tokens):
            if token.span.start < skip_until:
                continue
            while times and times[0].span.end <= token.span.start:
                times.pop(0)
            if times and times[0].span.overlaps(token.span):
                items.append(Item(TIME, time=times[0]))
                value_items.append(items[-1])
                skip_until = times.pop(0).span.end
                continue
            found = mentions.get(token.span.start)
            key = entity_key(found) if found is not None else None
            if found is not None and key is not None:
                items.append(Item(key, found))
                value_items.append(items[-1])
                skip_until = found.span.end
                continue
            value = value_at.get(position)
            if value is not None and value.first_token == position:
                value_items.append(Item(f"{VALUE}:{value.kind}", value=value))
            if ALNUM.search(token.lower):
                items.append(Item(token.lower))
                if value is None:
                    value_items.append(Item(token.lower))
        sentences.append(
            AlignedSentence(
                analysis.path, index, tuple(items), tuple(value_items) if value_at else ()
            )
        )
    return sentences


@st.composite
def _sentences(draw: st.DrawFn) -> tuple[Analysis, list[list[NumberValue]]]:
    words = draw(
        st.lists(st.sampled_from(["Li", "met", "the", ",", "Duma", "3", "on"]), max_size=14)
    )
    gaps = draw(st.lists(st.integers(0, 1), min_size=len(words), max_size=len(words)))
    tokens, offset = [], 0
    for word, gap in zip(words, gaps, strict=True):
        offset += gap
        tokens.append(Token(Span(offset, offset + len(word)), word, word.lower(), word, "X"))
        offset += len(word)
    cut = draw(st.integers(0, len(tokens)))
    bounds = [(0, cut), (cut, len(tokens))]
    sentences = tuple(
        Sentence(
            Span(tokens[a].span.start if a < b else 0, tokens[b - 1].span.end if a < b else 0), a, b
        )
        for a, b in bounds
    )

    def spans(count: int) -> list[tuple[int, int, int]]:
        # (sentence, start, end): anywhere, also inside a token.
        found = []
        for _ in range(count):
            which = draw(st.integers(0, 1))
            a, b = bounds[which]
            low = tokens[a].span.start if a < b else 0
            high = tokens[b - 1].span.end if a < b else 0
            start = draw(st.integers(low, max(low, high)))
            found.append((which, start, draw(st.integers(start, max(start, high)))))
        return found

    mentions = tuple(
        Mention(
            Span(start, end), f"N{start}-{end}", draw(st.sampled_from(["PERSON", "ORG"])), which
        )
        for which, start, end in spans(draw(st.integers(0, 4)))
    )
    times = tuple(
        TimeExpression(Span(start, end), "t", None, None, None, None, which)
        for which, start, end in spans(draw(st.integers(0, 3)))
    )
    numbers: list[list[NumberValue]] = [[], []]
    for which, (a, b) in enumerate(bounds):
        for _ in range(draw(st.integers(0, 2)) if b > a else 0):
            first = draw(st.integers(0, b - a - 1))
            end = draw(st.integers(first + 1, b - a))
            numbers[which].append(NumberValue("number", (1.0,), tokens[a + first].span, first, end))
    analysis = Analysis(
        "d.md",
        "",
        "p",
        None,
        tokens=tuple(tokens),
        sentences=sentences,
        mentions=mentions,
        times=times,
    )
    return analysis, numbers


@given(_sentences(), st.booleans())
def test_runs_of_words_align_as_token_by_token(
    case: tuple[Analysis, list[list[NumberValue]]], columns: bool
) -> None:
    analysis, numbers = case
    if columns:  # as read from the cache
        analysis = dataclasses.replace(analysis, tokens=TokenColumns.of(analysis.tokens))

    def entity_key(mention: Mention) -> str | None:
        return None if mention.span.start % 3 == 0 else f"person:{mention.text}"

    expected = _aligned_token_by_token(analysis, entity_key, numbers)
    assert aligned_sentences(analysis, entity_key, numbers) == expected
