"""Corpus document dates: an undated copy of a dated story takes its date, nothing else does."""

from __future__ import annotations

import datetime as dt
import random

from factcheck.documents import document_from_text
from factcheck.facts.document_dates import DatingSentences, dates_of, document_dates
from factcheck.model import Analysis, Document
from factcheck.nlp.extract import analyse
from factcheck.nlp.pipeline import LoadedPipeline

LEAD = "The river authority closed the northern lock for repairs after the spring floods."
BACKGROUND = [
    "The lock was built in the last century and carries most of the barge traffic.",
    "Shippers have long asked for a second channel to be dug beside the old one.",
    "The authority says a second channel would cost more than it can raise alone.",
    "Local councils have offered to share the cost of a study into the project.",
]
FOLLOW_UP = "The river authority reopened the northern lock after three weeks of repair work."


def _pairs(pipeline: LoadedPipeline, texts: dict[str, str]) -> list[tuple[Document, Analysis]]:
    documents = [document_from_text(path, text) for path, text in texts.items()]
    return [(d, analyse(pipeline.nlp, d, pipeline.key)) for d in documents]


def _dated(text: str) -> str:
    return f"---\ndate: 2025-04-02\n---\n{text}"


def test_an_undated_copy_of_a_dated_story_takes_its_date(pipeline: LoadedPipeline) -> None:
    story = "\n\n".join([LEAD, *BACKGROUND]) + "\n"
    dates = document_dates(_pairs(pipeline, {"a.md": _dated(story), "b.md": story}))
    assert dates["b.md"] == dt.date(2025, 4, 2)


def test_a_later_story_reusing_the_background_keeps_no_date(pipeline: LoadedPipeline) -> None:
    first = "\n\n".join([LEAD, *BACKGROUND]) + "\n"
    later = "\n\n".join([FOLLOW_UP, "Barges queued for a day before it opened.", *BACKGROUND])
    dates = document_dates(_pairs(pipeline, {"a.md": _dated(first), "b.md": later + "\n"}))
    assert dates["b.md"] is None


def _all_pairs_dates(documents: list[DatingSentences]) -> dict[str, dt.date | None]:
    """The dates as they were found: each undated document against every dated one."""
    texts = {d.path: set(d.sentences) for d in documents}
    dates: dict[str, dt.date | None] = {d.path: d.published for d in documents}
    dated = [d for d in documents if d.published is not None]
    for document in documents:
        own = texts[document.path]
        if document.published is not None or not own:
            continue
        best = max(dated, key=lambda d: len(own & texts[d.path]), default=None)
        if best is None:
            continue
        shared = own & texts[best.path]
        if (
            len(shared) >= 3
            and len(shared) / len(own) >= 0.3
            and any(s in shared for s in document.sentences[:2])
        ):
            dates[document.path] = best.published
    return dates


def test_the_indexed_dates_are_the_all_pairs_dates() -> None:
    # Stories drawn from a small pool of sentences, so that many share some, some
    # share a lead, and dated documents tie for the most shared (the first wins).
    rng = random.Random(7)
    pool = [f"sentence {n} of the story" for n in range(14)]
    documents = [
        DatingSentences(
            f"d{n}.md",
            dt.date(2025, 1, 1 + n % 28) if rng.random() < 0.4 else None,
            tuple(rng.sample(pool, rng.randint(0, 8))),
        )
        for n in range(300)
    ]
    dates = dates_of(documents)
    assert dates == _all_pairs_dates(documents)
    assert sum(1 for d in documents if d.published is None and dates[d.path]) > 10
