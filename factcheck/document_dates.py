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


def document_dates(pairs: Sequence[tuple[Document, Analysis]]) -> dict[str, dt.date | None]:
    def sentences(document: Document, analysis: Analysis) -> set[str]:
        return {
            " ".join(re.findall(r"\w+", document.prose[s.span.start : s.span.end].lower()))
            for s in analysis.sentences
            if s.end_token - s.first_token >= 6
        }

    texts = {a.path: sentences(d, a) for d, a in pairs}
    dates: dict[str, dt.date | None] = {a.path: a.published for _, a in pairs}
    dated = [a for _, a in pairs if a.published is not None]
    for _, analysis in pairs:
        if analysis.published is not None or not texts[analysis.path]:
            continue
        own = texts[analysis.path]
        best = max(dated, key=lambda d: len(own & texts[d.path]), default=None)
        if best is None:
            continue
        shared = len(own & texts[best.path])
        if shared >= _SHARED_SENTENCES and shared / len(own) >= _SHARED_SHARE:
            dates[analysis.path] = best.published
    return dates
