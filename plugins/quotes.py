"""FC5xx: quotations that differ from what the corpus quotes the speaker as saying."""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Iterable, Sequence

from rapidfuzz import fuzz

from factcheck import hookimpl
from factcheck.context import CheckContext
from factcheck.language import speaker_name
from factcheck.model import Category, CodeInfo, Finding, Quotation, Severity

ALTERED_QUOTE = CodeInfo(
    code="FC501",
    name="altered-quotation",
    category=Category.QUOTE,
    severity=Severity.WARNING,
    summary="Quoted words differ from the corpus's quotation of the same speaker.",
)
MISATTRIBUTED_QUOTE = CodeInfo(
    code="FC503",
    name="misattributed-quotation",
    category=Category.QUOTE,
    severity=Severity.WARNING,
    summary="A quotation attributed to one person that the corpus quotes another person saying.",
)
UNKNOWN_QUOTE = CodeInfo(
    code="FC502",
    name="unverified-quotation",
    category=Category.QUOTE,
    severity=Severity.INFO,
    summary="A quotation attributed to a known person that the corpus does not contain.",
)

# Quotes this short are scare quotes or titles, not a person's words.
_MIN_WORDS = 5
# Above this similarity a quote is the corpus quote altered; below it, another quote.
_ALTERED_FROM = 75.0


@hookimpl
def factcheck_codes() -> Sequence[CodeInfo]:
    return (ALTERED_QUOTE, MISATTRIBUTED_QUOTE, UNKNOWN_QUOTE)


@functools.lru_cache(maxsize=4096)
def _joined(text: str) -> str:
    """A quotation's words, joined: cached, as every corpus quotation is compared
    with every draft quotation."""
    return " ".join(_words(text))


def _words(text: str) -> list[str]:
    # An editor's words in brackets are not the speaker's, in either text.
    text = _BRACKETS.sub(" ", text)
    words = re.findall(r"[\w']+", text.lower().replace("’", "'").replace("‘", "'"))
    # Single quote marks at a word's edge are quotation marks, not letters.
    return [_house_spelling(w.strip("'")) for w in words if w.strip("'")]


# House style respells words; the quotation is the same: -ize/-ise, -or/-our.
_IZE = re.compile(r"^(\w{3,})(?:iz|is)(e|es|ed|ing|ation|ations)$")
_YZE = re.compile(r"^(\w{2,})(?:yz|ys)(e|es|ed|ing)$")
_OUR = re.compile(r"^(\w*[^aeiou\W]\w*[^aeiou\W])(?:our|or)(s|ed|ing|ite|ites|able)?$")


def _house_spelling(word: str) -> str:
    word = _IZE.sub(r"\1is\2", word)
    word = _YZE.sub(r"\1ys\2", word)
    return _OUR.sub(r"\1our\2", word)


# An editor's words in brackets ("[he]") and an ellipsis stand for words of the
# original: each piece between them must be in the corpus quotation, in order.
_BRACKETS = re.compile(r"\[[^\]\[]*\]")
_EDITORIAL = re.compile(r"\[[^\]\[]*\]|\.\.\.|…")


def _pieces(text: str) -> list[str]:
    """The runs of a quotation's words between editorial marks: read once for a
    draft quotation, which is looked for in every corpus quotation."""
    return [joined for piece in _EDITORIAL.split(text) if (joined := " ".join(_words(piece)))]


def _quoted_in(pieces: Sequence[str], corpus_text: str) -> bool:
    """The draft's quotation (its :func:`_pieces`) is the corpus's, or part of it,
    editorial marks allowed."""
    corpus = f" {_joined(corpus_text)} "
    at = 0
    for piece in pieces:
        found = corpus.find(f" {piece} ", at)
        if found < 0:
            return False
        at = found + len(piece) + 1
    return bool(pieces)


@hookimpl
def factcheck_check(context: CheckContext) -> Iterable[Finding]:
    for quotation in context.analysis.quotations:
        if len(_words(quotation.text)) >= _MIN_WORDS:
            finding = _check_quotation(context, quotation)
            if finding is not None:
                yield finding


def _check_quotation(context: CheckContext, quotation: Quotation) -> Finding | None:
    speaker = context.corpus.person(quotation.speaker) if quotation.speaker else None
    if speaker is not None and speaker.kind != "PERSON":
        speaker = None  # an organisation or a place does not speak
    # Only a speaker named in the quotation's own sentence is sure enough for FC503.
    if speaker is not None and not quotation.speaker_beside and not _is_title(quotation.text):
        misattributed = _other_speaker(context, quotation, speaker.canonical)
        if misattributed is not None:
            return misattributed
    candidates = context.corpus.quotes
    if speaker is not None:
        candidates = [
            q
            for q in context.corpus.quotes_of(speaker.canonical, unattributed=True)
            if q.speaker is None or same_speaker(q.speaker, speaker.canonical)
        ]
    draft = _joined(quotation.text)
    pieces = _pieces(quotation.text)
    best = None
    best_score = 0.0
    for fact in candidates:
        if _quoted_in(pieces, fact.text):
            return None  # an exact quotation, or an exact part of one
        score = fuzz.ratio(draft, _joined(fact.text))
        if score > best_score:
            best, best_score = fact, score
    if best is not None and best_score >= _ALTERED_FROM:
        changes = _word_changes(_words(best.text), _words(quotation.text))
        return context.finding(
            ALTERED_QUOTE.code,
            quotation.span,
            f"the quotation differs from the corpus: {changes}",
            expected=best.text,
            evidence=best.evidence(),
        )
    if speaker is not None:
        return context.finding(
            UNKNOWN_QUOTE.code,
            quotation.span,
            f"the corpus does not quote {speaker.canonical} saying this",
        )
    return None


def same_speaker(one: str, other: str) -> bool:
    """Two names of one person: the same surname, and no first names that differ
    ("Pelous" and "Fabien Pelous"; "Mr. Blair" and "Tony Blair")."""
    a, b = _name_words(one), _name_words(other)
    if not a or not b or a[-1] != b[-1]:
        return False
    if len(a) == 1 or len(b) == 1:
        return True
    return a[0][0] == b[0][0] and (a[0] == b[0] or len(a[0]) == 1 or len(b[0]) == 1)


def _name_words(name: str) -> list[str]:
    words = [w.strip(".").lower() for w in speaker_name(name).split()]
    return [w for w in words if w]


def _is_title(text: str) -> bool:
    """Most words capitalised: the title of a book or a show, not a person's words."""
    words = [w for w in re.findall(r"[^\W\d_]+", text) if len(w) > 3]
    return bool(words) and sum(w[0].isupper() for w in words) * 2 > len(words)


def _other_speaker(context: CheckContext, quotation: Quotation, speaker: str) -> Finding | None:
    """The corpus has these words (or a longer quotation holding them) from another
    person only: the draft gives them to the wrong speaker."""
    pieces = _pieces(quotation.text)
    holders = [fact for fact in context.corpus.quotes if _quoted_in(pieces, fact.text)]
    speakers = {fact.speaker for fact in holders}
    if not holders or None in speakers:
        return None  # unattributed in the corpus: no one to say it is wrong
    if any(other is not None and same_speaker(other, speaker) for other in speakers):
        return None  # also given to this speaker, by another of their names
    best = max(holders, key=lambda fact: fact.support)
    return context.finding(
        MISATTRIBUTED_QUOTE.code,
        quotation.span,
        f"the quotation is attributed to {speaker}; the corpus quotes {best.speaker}",
        expected=best.speaker,
        evidence=best.evidence(),
    )


def _word_changes(corpus: list[str], draft: list[str]) -> str:
    parts = []
    matcher = difflib.SequenceMatcher(a=corpus, b=draft, autojunk=False)
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        if tag == "replace":
            parts.append(f"'{' '.join(corpus[a0:a1])}' became '{' '.join(draft[b0:b1])}'")
        elif tag == "delete":
            parts.append(f"'{' '.join(corpus[a0:a1])}' left out")
        elif tag == "insert":
            parts.append(f"'{' '.join(draft[b0:b1])}' added")
    return "; ".join(parts) or "punctuation only"
