"""The date of each corpus document: its own, or that of a dated copy of the story."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from factcheck.model import Analysis, Document

# An undated document that shares this many sentences with a dated one is a
# copy of the same story (a wire report republished) and takes its date.
_SHARED_SENTENCES = 3
_SHARED_SHARE = 0.3
# A copy shares its lead: one of its first sentences. A later story that reuses
# the background paragraphs of an earlier one shares only those, further down,
# and is of another day.
_LEAD_SENTENCES = 2
_LONG_SENTENCE = 6  # tokens: shorter lines (captions, bylines) say nothing of the story

__all__ = ["DatingSentences", "dates_of", "document_dates", "long_sentences"]


@dataclass(frozen=True)
class DatingSentences:
    """What one document's date is judged by: its own date and its long sentences."""

    path: str
    published: dt.date | None
    sentences: tuple[str, ...]  # in document order, words only, lower case


def long_sentences(document: Document, analysis: Analysis) -> DatingSentences:
    """The document's sentences long enough to tell a copy of its story by."""
    return DatingSentences(
        analysis.path,
        analysis.published,
        tuple(
            " ".join(re.findall(r"\w+", document.prose[s.span.start : s.span.end].lower()))
            for s in analysis.sentences
            if s.end_token - s.first_token >= _LONG_SENTENCE
        ),
    )


def document_dates(pairs: Sequence[tuple[Document, Analysis]]) -> dict[str, dt.date | None]:
    return dates_of([long_sentences(document, analysis) for document, analysis in pairs])


def dates_of(documents: Sequence[DatingSentences]) -> dict[str, dt.date | None]:
    """Each document's date: its own, or that of the dated document it shares most
    long sentences with (the first such, in corpus order), when it is a copy."""
    ordered = {document.path: document.sentences for document in documents}
    texts = {path: set(found) for path, found in ordered.items()}
    dates: dict[str, dt.date | None] = {d.path: d.published for d in documents}
    dated = [d for d in documents if d.published is not None]
    # Which dated documents (by place in ``dated``) have each sentence: an undated
    # one is compared only with those it shares a sentence with, not with all.
    having: dict[str, list[int]] = defaultdict(list)
    for place, document in enumerate(dated):
        for sentence in texts[document.path]:
            having[sentence].append(place)
    for document in documents:
        own = texts[document.path]
        if document.published is not None or not own:
            continue
        shared_by: dict[int, int] = defaultdict(int)
        for sentence in own:
            for place in having.get(sentence, ()):
                shared_by[place] += 1
        if not shared_by:
            continue  # no dated document shares a sentence: no copy
        # The most shared; of those, the first in corpus order.
        place = min(shared_by, key=lambda p: (-shared_by[p], p))
        best = dated[place]
        shared = own & texts[best.path]
        lead = ordered[document.path][:_LEAD_SENTENCES]
        if (
            len(shared) >= _SHARED_SENTENCES
            and len(shared) / len(own) >= _SHARED_SHARE
            and any(sentence in shared for sentence in lead)
        ):
            dates[document.path] = best.published
    return dates
