"""The date of each corpus document: its own, or that of a dated copy of the story."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

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


def document_dates(pairs: Sequence[tuple[Document, Analysis]]) -> dict[str, dt.date | None]:
    def sentences(document: Document, analysis: Analysis) -> list[str]:
        return [
            " ".join(re.findall(r"\w+", document.prose[s.span.start : s.span.end].lower()))
            for s in analysis.sentences
            if s.end_token - s.first_token >= _LONG_SENTENCE
        ]

    ordered = {a.path: sentences(d, a) for d, a in pairs}
    texts = {path: set(found) for path, found in ordered.items()}
    dates: dict[str, dt.date | None] = {a.path: a.published for _, a in pairs}
    dated = [a for _, a in pairs if a.published is not None]
    for _, analysis in pairs:
        if analysis.published is not None or not texts[analysis.path]:
            continue
        own = texts[analysis.path]
        best = max(dated, key=lambda d: len(own & texts[d.path]), default=None)
        if best is None:
            continue
        shared = own & texts[best.path]
        lead = ordered[analysis.path][:_LEAD_SENTENCES]
        if (
            len(shared) >= _SHARED_SENTENCES
            and len(shared) / len(own) >= _SHARED_SHARE
            and any(sentence in shared for sentence in lead)
        ):
            dates[analysis.path] = best.published
    return dates
