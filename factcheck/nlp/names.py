"""Name mentions read off the tokens, not off the model's entity spans.

A mention is a name run (:mod:`~factcheck.nlp.nameruns`) with the titles in
front stripped ("President Xi Jinping"), labelled by organisation heads,
titles and speech verbs; the model's entity labels are kept only as votes.
"""

from __future__ import annotations

from collections import Counter

from factcheck.model import Mention, Span
from factcheck.nlp.nameruns import name_runs
from factcheck.nlp.tokentable import TokenTable


def mentions(table: TokenTable) -> list[Mention]:
    found: list[Mention] = []
    for sentence_index, sentence in enumerate(table.sentences):
        for first, end in name_runs(table, sentence):
            mention = _mention(table, first, end, sentence_index)
            if mention is not None:
                found.append(mention)
    return found


def _title_word(table: TokenTable, lower: str) -> bool:
    titles = table.vocabulary.title_words
    return lower in titles or (lower.endswith("s") and lower[:-1] in titles)


def _strip_titles(table: TokenTable, first: int, end: int) -> int:
    """Skip "President", "Russian President", "Presidents" in front of a name."""
    for index in range(min(first + 3, end - 1) - 1, first - 1, -1):
        if _title_word(table, table.tokens[index].lower):
            return index + 1
    return first


def _mention(table: TokenTable, first: int, end: int, sentence: int) -> Mention | None:
    name_first = _strip_titles(table, first, end)
    tokens = table.tokens[name_first:end]
    if all(_title_word(table, t.lower) for t in tokens):
        return None
    span = Span(tokens[0].span.start, tokens[-1].span.end)
    text = table.prose[span.start : span.end]
    votes = Counter(label for label in table.ner[name_first:end] if label)
    ner_label = votes.most_common(1)[0][0] if votes else ""
    return Mention(
        span=span,
        text=text,
        label=_label(table, name_first > first, name_first, end, ner_label),
        sentence=sentence,
        ner_label=ner_label,
    )


def _label(table: TokenTable, titled: bool, first: int, end: int, ner_label: str) -> str:
    words = [t.lower for t in table.tokens[first:end]]
    if any(word in table.vocabulary.organisation_heads for word in words):
        return "ORG"
    if titled:
        return "PERSON"
    if not ner_label and first > 0 and table.tokens[first - 1].lower == "the":
        # English writes "the" before a body's name ("the Knesset", "the Russian
        # Sejm"), never before a person's: a body whose head word no list holds.
        return "ORG"
    if end < len(table.tokens) and table.tokens[end].lower in table.vocabulary.speech_verbs:
        return "PERSON"
    if end - first == 1 and table.tokens[first].text.isupper() and len(words[0]) <= 6:
        return "ORG"  # an acronym: NPC, BRICS
    return ner_label or "MISC"
