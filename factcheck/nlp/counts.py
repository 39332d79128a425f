"""Counted events: an ordinal before a counted noun ("the 10th meeting of ...").

The "of ..." phrase after the noun names the series, so that two documents
counting the same series can be compared.
"""

from __future__ import annotations

from factcheck.model import CountExpression, Span
from factcheck.nlp.numbers import ordinal_value
from factcheck.nlp.tokentable import TokenTable

_MAX_ORDINAL_PARTS = 7
_SERIES_STOP = {",", ".", ";", ":", "with", "in", "on", "at", "as", "which", "that", "and", "to"}


def counts(table: TokenTable) -> list[CountExpression]:
    found: list[CountExpression] = []
    index = 0
    while index < len(table.tokens) - 1:
        first = index
        ordinal = _ordinal_at(table, first)
        # Never start inside a hyphenated word: "fifth" of "seventy-fifth".
        index = _hyphenated_end(table, first)
        if ordinal is None or ordinal[1] >= len(table.tokens):
            continue
        value, head_index = ordinal
        span = Span(table.tokens[first].span.start, table.tokens[head_index - 1].span.end)
        # "the 10th China-Russia meeting": skip capitalised modifiers.
        while head_index < len(table.tokens) - 1 and not table.tokens[head_index].text.islower():
            if table.tokens[head_index].text in {".", ",", ";"}:
                break
            head_index += 1
        head = table.tokens[head_index]
        if head.lemma not in table.vocabulary.counted_nouns:
            continue
        found.append(
            CountExpression(
                span=span,
                text=table.prose[span.start : span.end],
                value=value,
                head=head.lemma,
                series=_series(table, head_index + 1),
                sentence=table.sentence_of(span.start),
            )
        )
    return found


def _hyphenated_end(table: TokenTable, index: int) -> int:
    """One past the last token of the hyphenated word starting at ``index``: the
    tokenizer splits "seventy-fifth" into "seventy", "-", "fifth"."""
    end = index + 1
    while (
        end + 1 < len(table.tokens)
        and table.tokens[end].text == "-"
        and table.tokens[end - 1].span.end == table.tokens[end].span.start
        and table.tokens[end].span.end == table.tokens[end + 1].span.start
    ):
        end += 2
    return end


def _ordinal_at(table: TokenTable, index: int) -> tuple[int, int] | None:
    """The ordinal starting at token ``index`` and its value, as (value, end token).

    The whole hyphenated word is read ("seventy-fifth" is 75, not "fifth"),
    else its longest leading part that is one ("20th-anniversary")."""
    # No ordinal has more parts ("one-hundred-and-twenty-first" has five): a
    # longer hyphenated run is not read whole, which would cost its length squared.
    last = min(_hyphenated_end(table, index), index + 2 * _MAX_ORDINAL_PARTS - 1)
    for end in range(last, index, -2):
        start, stop = table.tokens[index].span.start, table.tokens[end - 1].span.end
        value = ordinal_value(table.prose[start:stop])
        if value is not None:
            return value, end
    return None


def _series(table: TokenTable, index: int) -> str:
    """The "of ..." phrase after a counted noun, lower-cased, as its identity."""
    if index >= len(table.tokens) or table.tokens[index].lower != "of":
        return ""
    words: list[str] = []
    for token in table.tokens[index + 1 : index + 16]:
        if token.lower in _SERIES_STOP or token.is_sent_start:
            break
        words.append(token.lower)
    return " ".join(words)
