"""FC204: titles learnt from the corpus, written right before a person's name.

A corpus of sentences written for these tests; both pipelines."""

from __future__ import annotations

import pytest

from factcheck.documents import document_from_text
from factcheck.engine import Engine
from factcheck.facts.titles.learnt import compatible, normalise
from factcheck.nlp.pipeline import LoadedPipeline
from tests.conftest import corpus_engine, seeds_config

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
    return corpus_engine(seed_engines, pipeline, "learnt-titles", CORPUS)


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
    # "boss" says only that the person leads something: no synonym of one title.
    assert normalise(("boss",)) != normalise(("ceo",))
    assert normalise(("greek", "sprinters")) == ("greek", "sprinter")


def test_a_phrase_ending_in_the_other_is_no_conflict() -> None:
    assert compatible(("embattled", "chancellor"), ("chancellor",))
    assert compatible(("chancellor",), ("embattled", "chancellor"))
    assert not compatible(("shadow", "home", "secretary"), ("shadow", "foreign", "secretary"))


def test_a_rank_word_makes_another_post() -> None:
    assert not compatible(("deputy", "chairman"), ("chairman",))
    assert not compatible(("chairman",), ("acting", "chairman"))
    assert not compatible(("shadow", "foreign", "secretary"), ("foreign", "secretary"))


def test_speaker_and_chairman_are_one_headword() -> None:
    # The role groups and the title synonyms are one table: no two answers.
    assert normalise(("speaker",)) == normalise(("chairman",)) == ("chairman",)
    assert normalise(("vice-chairman",)) == normalise(("deputy", "chairman"))


# Descriptors after the name, as predicates, with bodies and places, and past titles.
DESCRIBED = {
    "a.txt": "Peter Brandt, who is a law professor at Keele University, said the ruling was wrong.\n"
    "The panel backed the choice of Rosa Alvik as ambassador to Chile.\n"
    "Norway coach Lars Holm praised his players after the match in Oslo.\n",
    "b.txt": "Denmark will try to give their coach Jens Berg a first win when Spain visit.\n"
    '"It is too early," said Ada Moss, deputy head of the research unit at Acme Re.\n'
    "Ex-Transport Secretary Tim Cole has hinted at a vote on Monday.\n",
    "c.txt": "The riders arrived with their former coach Jon Rask to give evidence.\n"
    "Former minister Anna Vale has criticised the plan.\n"
    "Ms Vale resigned as transport secretary over the war.\n"
    "Peter Brandt spoke to reporters in Leeds.\n"
    "Tim Cole said the date was not fixed.\n",
}

# (draft, code, the text flagged) or (draft, None, None); the statistical model's
# reading. Without a tagger or entity labels the fallback may read less, never wrong.
DESCRIBED_CASES: list[tuple[str, str | None, str | None]] = [
    ("Peter Brandt, a law professor at Leeds University, said so.", "FC201", "Leeds University"),
    ("Peter Brandt, a law professor at Keele University, said so.", None, None),
    ("They opposed Rosa Alvik as ambassador to Peru.", "FC201", "Peru"),
    ("They backed Rosa Alvik as ambassador to Chile.", None, None),
    ("It was a hard day for Sweden coach Lars Holm.", "FC201", "Sweden"),
    ("It was a hard day for Norway coach Lars Holm.", None, None),
    ("It was a hard day for Finland coach Jens Berg.", "FC201", "Finland"),
    ("It was a hard day for Denmark coach Jens Berg.", None, None),
    ('"Wait," said Ada Moss, head of Acme Re\'s research unit.', "FC204", "head"),
    ('"Wait," said Ada Moss, deputy head of Acme Re\'s research unit.', None, None),
    ("Ex-Health Secretary Tim Cole has hinted at a vote.", "FC204", "Health Secretary"),
    ("Ex-Transport Secretary Tim Cole has hinted at a vote.", None, None),
    ("The riders blamed their former agent Jon Rask.", "FC204", "agent"),
    ("The riders blamed their former coach Jon Rask.", None, None),
    # "former" before the title's body still marks the title as past.
    ("Former Norway coach Lars Holm praised the players.", None, None),
    ("Ms Vale resigned as health secretary over the war.", "FC204", "health secretary"),
    ("Ms Vale resigned as transport secretary over the war.", None, None),
    # A title that only says the person leads something, and a word that is no title.
    ("The players cheered their boss Lars Holm.", None, None),
    ("Lars Holm, a keen sailor, praised the players.", None, None),
]


@pytest.fixture()
def described_engine(pipeline: LoadedPipeline, seed_engines: dict[str, Engine]) -> Engine:
    return corpus_engine(seed_engines, pipeline, "described-titles", DESCRIBED)


@pytest.mark.parametrize(("draft", "code", "flagged"), DESCRIBED_CASES)
def test_descriptors_are_compared_with_the_persons_titles_and_bodies(
    described_engine: Engine,
    pipeline: LoadedPipeline,
    draft: str,
    code: str | None,
    flagged: str | None,
) -> None:
    report = described_engine.check_document(document_from_text("d.md", draft))
    found = [(f.code, draft[f.span.start : f.span.end]) for f in report.findings]
    found = [f for f in found if f[0] in {"FC201", "FC204"}]
    expected = [(code, flagged)] if code else []
    if not pipeline.statistical:
        assert found in ([], expected)
    else:
        assert found == expected


def test_a_title_the_corpus_gives_in_two_places_is_split_not_an_error(
    pipeline: LoadedPipeline,
) -> None:
    corpus = {
        "a.txt": "After the match in Oslo, Norway coach Per Dahl praised his players.\n",
        "b.txt": "After the match in Malmo, Sweden coach Per Dahl praised his players.\n",
    }
    engine = Engine(seeds_config(), corpus=corpus, pipeline=pipeline)
    draft = "It was a hard day for Finland coach Per Dahl."
    report = engine.check_document(document_from_text("d.md", draft))
    found = [f for f in report.findings if f.code == "FC201"]
    if not pipeline.statistical and not found:
        return  # without entity labels the places are not told from title words
    (finding,) = found
    assert draft[finding.span.start : finding.span.end] == "Finland"
    assert finding.severity.value == "info"
    assert "more than one" in finding.message
