"""Value slots: draft numbers against parallel corpus sentences, on both pipelines.

The corpus and the drafts are sentences written for these tests.
"""

from __future__ import annotations

import datetime as dt
import io

import pytest

from factcheck.config import config_from_mapping
from factcheck.documents import document_from_text
from factcheck.engine import Engine
from factcheck.model import Finding
from factcheck.nlp.pipeline import LoadedPipeline
from tests.conftest import REPO

CORPUS = {
    "council.txt": (
        "The city council approved a budget of $4.5bn for the coming year.\n\n"
        "The harbour authority said 120 registered vessels used the port last month.\n\n"
        "Ms Adaeze Okafor, 47, has led the council since the spring.\n\n"
        "The council voted to keep its seven-member planning panel.\n"
    ),
    "council-again.txt": (
        "The city council approved a budget of 4.5 billion dollars for the coming year.\n\n"
        "Ms Okafor, 47, has led the council since the spring, her aides said.\n"
    ),
}


@pytest.fixture(scope="module")
def engines() -> dict[str, Engine]:
    return {}


def check(
    pipeline: LoadedPipeline,
    engines: dict[str, Engine],
    draft: str,
    date: dt.date | None = None,
    **corpus: str,
) -> list[Finding]:
    texts = {**CORPUS, **{name.replace("_", "-") + ".txt": text for name, text in corpus.items()}}
    key = f"{pipeline.key}:{sorted(texts.items())}"
    if key not in engines:
        config = config_from_mapping({"cache": False}, source=None, root=REPO)
        engines[key] = Engine(config, corpus=texts, pipeline=pipeline, stderr=io.StringIO())
    report = engines[key].check_document(document_from_text("draft.md", draft), date=date)
    return [f for f in report.findings if f.code == "FC403"]


@pytest.mark.parametrize(
    ("draft", "found", "expected"),
    [
        ("The city council approved a budget of $5.5bn for the coming year.", "$5.5bn", "$4.5bn"),
        (
            "The harbour authority said 150 registered vessels used the port last month.",
            "150",
            "120",
        ),
        ("Ms Okafor, 48, has led the council since the spring.", "48", "47"),
        ("The council voted to keep its nine-member planning panel.", "nine", "seven"),
    ],
)
def test_a_number_the_parallel_sentences_give_otherwise(
    pipeline: LoadedPipeline, engines: dict[str, Engine], draft: str, found: str, expected: str
) -> None:
    findings = check(pipeline, engines, draft)
    assert [(f.found, f.severity.value) for f in findings] == [(found, "warning")]
    finding = findings[0]
    assert finding.expected is not None and finding.expected.startswith(expected[:2])
    assert finding.fix is None and not finding.safe_fix  # a number needs an editor
    assert finding.evidence and finding.evidence[0].source.endswith(".txt")


@pytest.mark.parametrize(
    "draft",
    [
        # The corpus's numbers, written another way.
        "The city council approved a budget of $4.5 billion for the coming year.",
        "The city council approved a budget of 4.5 billion dollars for the coming year.",
        "The council voted to keep its 7-member planning panel.",
        # Another sentence that happens to share a few words.
        "The football club approved a budget of $9bn for its new stadium.",
        "The harbour authority said 150 fishing boats were lost in the storm.",
        # The number before another noun: not the corpus's slot.
        "The harbour authority said 150 new vessels used the port last month.",
    ],
)
def test_no_finding_without_a_close_parallel(
    pipeline: LoadedPipeline, engines: dict[str, Engine], draft: str
) -> None:
    assert check(pipeline, engines, draft) == []


def test_a_corpus_split_between_numbers_is_info(
    pipeline: LoadedPipeline, engines: dict[str, Engine]
) -> None:
    draft = "The harbour authority said 150 registered vessels used the port last month."
    other = "The harbour authority said 130 registered vessels used the port last month.\n"
    findings = check(pipeline, engines, draft, harbour=other)
    assert [f.severity.value for f in findings] == ["info"]


def test_a_corpus_sentence_with_the_drafts_number_agrees(
    pipeline: LoadedPipeline, engines: dict[str, Engine]
) -> None:
    draft = "The harbour authority said 150 registered vessels used the port last month."
    agreeing = "The harbour authority said 150 registered vessels used the port last month.\n"
    assert check(pipeline, engines, draft, harbour=agreeing) == []


def test_a_number_from_another_time_is_not_held_against_the_draft(
    pipeline: LoadedPipeline, engines: dict[str, Engine]
) -> None:
    """Ages and running tallies move on: a dated corpus article from more than the
    one-occasion window before the draft does not contradict its number."""
    old = "March 2, 2021\n\nMr Tobias Lindqvist, 61, chairs the water board.\n"
    draft = "Mr Tobias Lindqvist, 63, chairs the water board."
    assert [f.found for f in check(pipeline, engines, draft, old_story=old)] == ["63"]
    dated = check(pipeline, engines, draft, dt.date(2023, 3, 3), old_story=old)
    assert dated == []
    same_week = check(pipeline, engines, draft, dt.date(2021, 3, 5), old_story=old)
    assert [f.found for f in same_week] == ["63"]
