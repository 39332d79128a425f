"""Which tokens make a name: runs of capitalised words.

A run is joined over hyphens, possessives, "of"/"for" after an organisation
head and a bracketed acronym, and split after an organisation head that a
person follows ("State Duma | Vyacheslav Volodin").
"""

from __future__ import annotations

from factcheck.model import Sentence
from factcheck.nlp.rolewords import role_word_at
from factcheck.nlp.tokentable import TokenTable

POSSESSIVE = {"'s", "’s", "'", "’"}


def _is_capitalised(text: str) -> bool:
    return bool(text) and text[0].isupper() and any(char.isalpha() for char in text)


def _name_like(table: TokenTable, index: int, sentence: Sentence) -> bool:
    token = table.tokens[index]
    if not _is_capitalised(token.text) or token.lower in table.vocabulary.date_words:
        return False
    if token.lower in table.vocabulary.placeholders:
        return False
    opens = index == sentence.first_token or table.tokens[index - 1].text in {"“", '"', ":"}
    if not opens:
        return True
    if token.lower in table.vocabulary.sentence_openers:
        return False
    # A tagger, where there is one, knows a sentence-initial common word
    # ("Efforts should be made") from a name; it is less sure of rare
    # names ("Vyacheslav" as a verb), so a capitalised next word wins.
    if token.pos in {"PRON", "DET", "ADP", "AUX", "CCONJ", "SCONJ", "ADV"}:
        return False
    if token.pos in {"NOUN", "VERB", "ADJ"}:
        following = index + 1
        if following >= sentence.end_token:
            return False
        return _is_capitalised(table.tokens[following].text) or _introduces_name(table, index)
    return True


def _introduces_name(table: TokenTable, index: int) -> bool:
    """Is the word at ``index`` followed by what only follows a name: a speech
    verb ("Zhao said") or an appositive role ("Zhao, vice-chairman of")?"""
    following = index + 1
    if table.tokens[following].lower in table.vocabulary.speech_verbs:
        return True
    if table.tokens[following].text != ",":
        return False
    role_at = following + 1
    if role_at < len(table.tokens) and table.tokens[role_at].lower == "the":
        role_at += 1
    role = role_word_at(table, role_at)
    after = role_at + role[1] if role is not None else len(table.tokens)
    return after < len(table.tokens) and table.tokens[after].lower == "of"


def name_runs(table: TokenTable, sentence: Sentence) -> list[tuple[int, int]]:
    """Runs of name-like tokens, joined over hyphens, possessives and of/for."""
    runs: list[tuple[int, int]] = []
    index = sentence.first_token
    end = sentence.end_token
    while index < end:
        if not _name_like(table, index, sentence):
            index += 1
            continue
        first = index
        index += 1
        while index < end:
            if _name_like(table, index, sentence) and not table.space_before[index]:
                index += 1
                continue
            joined = _joiner_length(table, first, index, end, sentence)
            if not joined:
                break
            index += joined
        runs.extend(_split_at_org_heads(table, first, index))
    return runs


def _joiner_length(table: TokenTable, first: int, index: int, end: int, sentence: Sentence) -> int:
    """How many tokens at ``index`` glue the run to a name that follows, or 0."""
    token = table.tokens[index]
    previous = table.tokens[index - 1]
    after = index + 1
    if token.text == "-" and token.span.start == previous.span.end:
        return 1 if after < end and _name_like(table, after, sentence) else 0
    if token.text in POSSESSIVE and index - first >= 2:
        return 1 if after < end and _name_like(table, after, sentence) else 0
    if token.lower in {"of", "for"} and previous.lower in table.vocabulary.organisation_heads:
        if after < end and table.tokens[after].lower == "the":
            after += 1
        return after - index + 1 if after < end and _name_like(table, after, sentence) else 0
    if token.text == "(" and index + 2 < end and table.tokens[index + 2].text == ")":
        acronym = table.tokens[index + 1].text
        following = index + 3
        if acronym.isupper() and following < end and _name_like(table, following, sentence):
            return 3
    return 0


def _split_at_org_heads(table: TokenTable, first: int, end: int) -> list[tuple[int, int]]:
    """Split "State Duma Vyacheslav Volodin" after the organisation head."""
    heads = table.vocabulary.organisation_heads
    for index in range(first, end - 1):
        if table.tokens[index].lower not in heads:
            continue
        rest = table.tokens[index + 1 : end]
        # A hyphen may join a title after the head ("Duma Vice-Chairman Volodin").
        if any(t.lower in heads or not (t.text[:1].isalpha() or t.text == "-") for t in rest):
            continue
        if any(t.lower in {"of", "for", "the"} for t in rest):
            continue
        return [(first, index + 1), *_split_at_org_heads(table, index + 1, end)]
    return [(first, end)]
