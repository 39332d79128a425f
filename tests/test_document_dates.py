"""Corpus document dates: an undated copy of a dated story takes its date, nothing else does."""

from __future__ import annotations

import datetime as dt

from factcheck.documents import document_from_text
from factcheck.facts.document_dates import document_dates
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
