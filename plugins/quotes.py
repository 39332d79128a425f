"""FC5xx: quotations that differ from what the corpus quotes the speaker as saying."""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Iterable, Sequence

from rapidfuzz import fuzz

from factcheck import hookimpl
from factcheck.context import CheckContext
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
    return re.findall(r"[\w’']+", text.lower().replace("’", "'"))


@hookimpl
def factcheck_check(context: CheckContext) -> Iterable[Finding]:
    for quotation in context.analysis.quotations:
        if len(_words(quotation.text)) >= _MIN_WORDS:
            finding = _check_quotation(context, quotation)
            if finding is not None:
                yield finding


def _check_quotation(context: CheckContext, quotation: Quotation) -> Finding | None:
    speaker = context.corpus.person(quotation.speaker) if quotation.speaker else None
    if speaker is not None and speaker.kind == "PERSON" and not _is_title(quotation.text):
        misattributed = _other_speaker(context, quotation, speaker.canonical)
        if misattributed is not None:
            return misattributed
    candidates = [
        q
        for q in context.corpus.quotes
        if speaker is None or q.speaker in {None, speaker.canonical}
    ]
    draft = _joined(quotation.text)
    best = None
    best_score = 0.0
    for fact in candidates:
        corpus_text = _joined(fact.text)
        if draft in corpus_text:
            return None  # an exact quotation, or an exact part of one
        score = fuzz.ratio(draft, corpus_text)
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


def _is_title(text: str) -> bool:
    """Most words capitalised: the title of a book or a show, not a person's words."""
    words = [w for w in re.findall(r"[^\W\d_]+", text) if len(w) > 3]
    return bool(words) and sum(w[0].isupper() for w in words) * 2 > len(words)


def _other_speaker(context: CheckContext, quotation: Quotation, speaker: str) -> Finding | None:
    """The corpus has these words (or a longer quotation holding them) from another
    person only: the draft gives them to the wrong speaker."""
    draft = _joined(quotation.text)
    holders = [fact for fact in context.corpus.quotes if draft in _joined(fact.text)]
    speakers = {fact.speaker for fact in holders}
    if not holders or None in speakers or speaker in speakers:
        return None  # unattributed in the corpus, or also given to this speaker
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
