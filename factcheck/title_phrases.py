"""Titles written right before a person's name: "finance minister", "fly-half",
"Foreign Secretary", "its chief executive, <name>".

A title is a run of common nouns and adjectives directly before the name (an
organisation or nationality in front, "Wada" or "Russia's", is not part of it).
With a tagger, only nouns and adjectives are taken; without one, a closed list of
function words and speech verbs ends the run. A run marked as past ("former",
"ex-") is read, but marked, so that it is never compared with a current title.
"""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.model import Analysis, Mention, Span, Token
from factcheck.nlp import lexicon

_LONGEST_TITLE = 4
_TITLE_POS = frozenset({"NOUN", "PROPN", "ADJ"})
_PAST_MARKS = frozenset({"former", "ex", "then", "late", "onetime", "erstwhile", "outgoing"})
# Words that end a title run when no tagger says what a word is.
_FUNCTION_TEXT = (
    "a an the and or but of in on at to for from by with as than that this these "
    "those its his her their our my your whose which who whom is was are were be been "
    "has have had will would can could may might should must not no also then when "
    "while after before since about over under into onto against between among during "
    "mr mrs ms dr sir"
)
_FUNCTION_WORDS = frozenset(_FUNCTION_TEXT.split())
# Possessives that open "its chief executive, <name>": the title before a comma.
# Not "the": "the sprinters, <name>" is as often a list as a title.
_OPENERS = frozenset({"its", "his", "her", "their"})


@dataclass(frozen=True)
class TitlePhrase:
    """A title as written before a person's name."""

    holder: Mention
    words: tuple[str, ...]  # lower-cased title words ("finance", "minister")
    span: Span
    past: bool  # "former", "ex-": a title of another time


def title_phrases(analysis: Analysis, prose: str) -> list[TitlePhrase]:
    """Every person mention's title written right before it."""
    tokens = analysis.tokens
    starts = {t.span.start: i for i, t in enumerate(tokens)}
    named = _named_tokens(analysis, starts)
    found: list[TitlePhrase] = []
    for mention in analysis.mentions:
        if not _may_be_person(mention) or mention.span.start not in starts:
            continue
        phrase = _title_before(tokens, starts[mention.span.start], prose, named)
        if phrase is not None:
            found.append(TitlePhrase(mention, *phrase))
    return found


def _may_be_person(mention: Mention) -> bool:
    """A person's name, or (without a model, which labels every name MISC) a name of
    two words or more; whether it is a person is the corpus's to say."""
    return mention.label == "PERSON" or (mention.label == "MISC" and " " in mention.text)


def _named_tokens(analysis: Analysis, starts: dict[int, int]) -> set[int]:
    """Tokens of organisations and places: a modifier, not a title word. A MISC
    name is no stop: without a model a capitalised title ("Economy") is one."""
    named: set[int] = set()
    for mention in analysis.mentions:
        index = starts.get(mention.span.start)
        if mention.label in {"PERSON", "MISC"} or index is None:
            continue
        while index < len(analysis.tokens) and analysis.tokens[index].span.end <= mention.span.end:
            named.add(index)
            index += 1
    return named


def _title_before(
    tokens: tuple[Token, ...], first: int, prose: str, named: set[int]
) -> tuple[tuple[str, ...], Span, bool] | None:
    last = first - 1
    after_comma = last >= 1 and tokens[last].text == ","
    if after_comma:
        last -= 1  # "its chief executive, <name>"
    index = last
    words: list[str] = []
    past = False
    while index >= 0 and len(words) < _LONGEST_TITLE:
        token = tokens[index]
        if token.text == "-" and words and index >= 1 and _touching(tokens, index - 1, index + 1):
            left = tokens[index - 1].lower
            if left in _PAST_MARKS:
                past = True  # "ex-minister"
                index -= 2
                break
            words[0] = left + "-" + words[0]  # "fly-half"
            index -= 2
            continue
        if index in named or not _title_word(token):
            break
        words.insert(0, token.lower)
        index -= 1
    if words and words[0] in _PAST_MARKS:
        past, words = True, words[1:]
    before = tokens[index].lower if index >= 0 else ""
    past = past or before in _PAST_MARKS
    if not words:
        return None
    if after_comma and (
        before not in _OPENERS or any(t.text != t.lower for t in tokens[index + 1 : last + 1])
    ):
        return None
    start = tokens[index + 1].span.start
    end = tokens[last].span.end
    if "\n" in prose[start:end]:
        return None
    return tuple(words), Span(start, end), past


def _touching(tokens: tuple[Token, ...], left: int, right: int) -> bool:
    return (
        tokens[left].span.end == tokens[left + 1].span.start
        and tokens[right - 1].span.end == tokens[right].span.start
    )


def _title_word(token: Token) -> bool:
    if not token.text.isalpha() or token.lower in _FUNCTION_WORDS:
        return False
    if token.lower in lexicon.SPEECH_VERBS:
        return False
    return token.pos in _TITLE_POS if token.pos else True
