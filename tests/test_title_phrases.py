"""Title phrases (factcheck/facts/titles/phrases.py): a title before a comma that a
named body's possessive opens ("Northfield's captain, Daniel Brightwater")."""

from __future__ import annotations

from factcheck.documents import document_from_text
from factcheck.engine import Engine
from factcheck.facts.titles.phrases import title_phrases
from factcheck.nlp.extract import analyse_many
from factcheck.nlp.pipeline import LoadedPipeline
from tests.conftest import seeds_config


def _titles(pipeline: LoadedPipeline, text: str) -> list[tuple[str, tuple[str, ...], str | None]]:
    document = document_from_text("x.txt", text)
    (analysis,) = analyse_many(pipeline.nlp, [document], pipeline.key)
    return [
        (t.holder.text, t.words, t.organisation.text if t.organisation else None)
        for t in title_phrases(analysis, document.prose)
    ]


def test_a_named_body_s_title_before_a_comma_is_read_with_its_body(
    statistical_pipeline: LoadedPipeline,
) -> None:
    assert _titles(statistical_pipeline, "Russia's foreign minister, Sergei Lavrov, spoke.") == [
        ("Sergei Lavrov", ("foreign", "minister"), "Russia")
    ]
    # A plural before the comma opens a list, not a title.
    assert _titles(statistical_pipeline, "Northfield's players, Dan Hale and Tom Rees, left.") == []
    # Without a possessive the run is not a title of the name after the comma.
    assert _titles(statistical_pipeline, "The team captain, Dan Hale, spoke.") == []


def test_the_title_is_learnt_and_a_draft_s_other_title_is_reported(
    statistical_pipeline: LoadedPipeline,
) -> None:
    corpus = {
        "a.txt": "Northfield's captain, Daniel Brightwater, said the defeat was hard to take.\n",
        "b.txt": "Daniel Brightwater, who has played 200 games, said the team would recover.\n",
    }
    engine = Engine(seeds_config(), corpus=corpus, pipeline=statistical_pipeline)
    draft = "Northfield coach Daniel Brightwater said the defeat was hard.\n"
    report = engine.check_document(document_from_text("draft.md", draft))
    flagged = [(f.code, f.found) for f in report.findings if f.code == "FC204"]
    assert flagged == [("FC204", "coach")], report.findings
    same = "Northfield captain Daniel Brightwater said the defeat was hard.\n"
    assert not engine.check_document(document_from_text("draft.md", same)).findings
