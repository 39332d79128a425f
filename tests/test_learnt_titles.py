"""FC204: titles learnt from the corpus, written right before a person's name.

A corpus of sentences written for these tests; both pipelines."""

from __future__ import annotations

import pytest

from factcheck.documents import document_from_text
from factcheck.engine import Engine
from factcheck.learnt_titles import compatible, normalise
from factcheck.nlp.pipeline import LoadedPipeline
from tests.conftest import seeds_config

CORPUS = {
    "a.txt": "Economy minister Anna Kovacs opened the new plant in Szeged on Monday.\n"
    "The plant was built by Danube Mills, and its chief executive, Peter Horvath, "
    "welcomed the guests.\n",
    "b.txt": "Speaking in Budapest, economy minister Anna Kovacs said the budget was sound.\n"
    "Prop Laszlo Nagy scored twice for the home side.\n"
    "Chairman Eva Szabo of the Rowing Club thanked the volunteers.\n",
    "c.txt": "Veteran prop Laszlo Nagy was named captain of the team.\n"
    "Deputy mayor Gabor Toth cut the ribbon while team captain Laszlo Nagy watched.\n",
}

# (draft, the title flagged or None)
CASES: list[tuple[str, str | None]] = [
    ("Finance minister Anna Kovacs opened the plant in Szeged.", "Finance minister"),
    ("The guests were welcomed by its finance director, Peter Horvath.", "finance director"),
    ("Club chairman Laszlo Nagy scored twice.", "Club chairman"),
    ("Deputy chairman Gabor Toth cut the ribbon.", "Deputy chairman"),
    # The corpus's title, a synonym of it, or a longer phrase ending in it.
    ("Economy minister Anna Kovacs opened the plant in Szeged.", None),
    ("The guests were welcomed by its boss, Peter Horvath.", None),
    ("Chair Eva Szabo thanked the volunteers.", None),
    ("Hungarian economy minister Anna Kovacs opened the plant.", None),
    # A second title the corpus also gives the person.
    ("Captain Laszlo Nagy scored twice.", None),
    # A past title is never compared.
    ("Former finance minister Anna Kovacs opened the plant.", None),
    ("Ex-finance minister Anna Kovacs opened the plant.", None),
    # A descriptor that is not a run of title words.
    ("The 33-year-old Laszlo Nagy scored twice.", None),
    # A person the corpus gives no title before the name, and a title never used.
    ("Finance minister Zoltan Varga opened the plant.", None),
]


@pytest.fixture()
def titles_engine(pipeline: LoadedPipeline, seed_engines: dict[str, Engine]) -> Engine:
    key = f"learnt-titles:{pipeline.key}"
    if key not in seed_engines:
        seed_engines[key] = Engine(seeds_config(), corpus=CORPUS, pipeline=pipeline)
    return seed_engines[key]


@pytest.mark.parametrize(("draft", "title"), CASES)
def test_a_title_the_corpus_never_gives_the_person_is_reported(
    titles_engine: Engine, draft: str, title: str | None
) -> None:
    report = titles_engine.check_document(document_from_text("d.md", draft))
    found = [f for f in report.findings if f.code == "FC204"]
    assert [draft[f.span.start : f.span.end] for f in found] == ([title] if title else [])
    for finding in found:
        assert finding.fix is None and finding.expected and finding.evidence


def test_the_finding_names_the_corpus_title_and_its_sentences(titles_engine: Engine) -> None:
    draft = "Finance minister Anna Kovacs opened the plant in Szeged."
    report = titles_engine.check_document(document_from_text("d.md", draft))
    (finding,) = [f for f in report.findings if f.code == "FC204"]
    assert finding.expected == "economy minister"
    assert {e.source for e in finding.evidence} == {"a.txt", "b.txt"}


def test_synonyms_are_compared_as_their_headword() -> None:
    assert normalise(("ceo",)) == ("chief", "executive")
    assert normalise(("club", "chair")) == ("club", "chairman")
    assert normalise(("finance", "minister")) == ("finance", "minister")


def test_a_title_shared_by_two_names_is_read_in_the_singular() -> None:
    assert normalise(("presidents",)) == ("president",)
    assert normalise(("boss",)) == ("chief", "executive")
    assert normalise(("greek", "sprinters")) == ("greek", "sprinter")


def test_a_phrase_ending_in_the_other_is_no_conflict() -> None:
    assert compatible(("embattled", "chancellor"), ("chancellor",))
    assert compatible(("chancellor",), ("embattled", "chancellor"))
    assert not compatible(("shadow", "home", "secretary"), ("shadow", "foreign", "secretary"))
