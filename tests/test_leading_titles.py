"""Words a name run picked up in front of a name (factcheck/facts/names/leading_titles.py),
and the name book that keeps them from splitting a person in two."""

from __future__ import annotations

from factcheck.facts.names.leading_titles import behind_leading_words, title_led
from factcheck.facts.names.namebook import NameBook
from factcheck.model import Mention, Span
from factcheck.nlp.pipeline import LoadedPipeline

COMMON = frozenset({"coach", "chief", "us", "will", "making"})


def test_the_names_behind_leading_common_words_longest_first() -> None:
    assert behind_leading_words("Chief Coach Andy Robinson", COMMON) == [
        "Coach Andy Robinson",
        "Andy Robinson",
    ]
    # A word the corpus does not write in lower case is part of the name.
    assert behind_leading_words("Andy Robinson Smith", COMMON) == []
    # Not an acronym whose lower case is a word, nor a given name before a surname.
    assert behind_leading_words("US Bankruptcy Court", COMMON) == []
    assert behind_leading_words("Will Greenwood", COMMON) == []
    # Only the leading words: a common word inside the name stops nothing.
    assert behind_leading_words("Andy Coach Robinson", COMMON) == []


def test_a_title_led_spelling_goes_to_the_shortest_known_name_behind_it() -> None:
    spellings = ["Chief Coach Andy Robinson", "Coach Andy Robinson", "Andy Robinson", "Robinson"]
    assert title_led(spellings, COMMON) == {
        "Chief Coach Andy Robinson": "Andy Robinson",
        "Coach Andy Robinson": "Andy Robinson",
    }
    # No shorter name written by itself: nothing to join.
    assert title_led(["Making Michael Howard"], COMMON) == {}


def _book(common: frozenset[str], *names: tuple[str, str, str]) -> NameBook:
    mentions = [
        (source, Mention(Span(0, len(text)), text, label, 0, label))
        for source, text, label in names
    ]
    return NameBook.build(mentions, common_words=common)


CORPUS = (
    ("a", "Andy Robinson", "PERSON"),
    ("b", "Andy Robinson", "PERSON"),
    ("c", "Coach Andy Robinson", "PERSON"),
    ("c", "Robinson", "PERSON"),
)


def test_a_person_written_with_a_word_in_front_stays_one_person() -> None:
    book = _book(COMMON, *CORPUS)
    person = book.entity("Andy Robinson")
    assert person is not None and person.canonical == "Andy Robinson"
    assert book.entity("Coach Andy Robinson") is person
    assert book.entity("Robinson") is person  # the surname alone is his, not ambiguous
    assert person.documents_for("Coach Andy Robinson") == {"c"}
    # Without the corpus's lower-case words, the glued spelling is a person of its
    # own, and it leaves the surname to no one.
    split = _book(frozenset(), *CORPUS)
    assert split.entity("Coach Andy Robinson") is not split.entity("Andy Robinson")
    assert split.entity("Robinson") is not split.entity("Andy Robinson")


def test_a_draft_name_behind_a_leading_word_is_found_and_mended() -> None:
    book = _book(COMMON, *CORPUS)
    person = book.entity("Andy Robinson")
    assert book.entity("Chief Coach Andy Robinson") is person
    assert book.is_known("Coach Andy Robinson")
    corrected = book.correct("Coach Andy Robinsen")
    assert corrected is not None and corrected == ("Coach Andy Robinson", person)
    # A leading word the corpus never writes in lower case is not passed over.
    assert book.entity("Captain Andy Robinson") is None


def test_the_fact_base_reads_the_common_words_from_its_documents(
    rules_pipeline: LoadedPipeline,
) -> None:
    from factcheck.documents import document_from_text
    from factcheck.facts.corpus import CorpusFacts
    from factcheck.nlp.extract import analyse_many

    texts = {
        "a.txt": "Andy Robinson named his team. The coach said the players were ready.\n",
        "b.txt": "Coach Andy Robinson praised the forwards on Sunday.\n",
    }
    documents = [document_from_text(path, text) for path, text in texts.items()]
    analyses = analyse_many(rules_pipeline.nlp, documents, rules_pipeline.key)
    facts = CorpusFacts(list(zip(documents, analyses, strict=True)))
    person = facts.names.entity("Andy Robinson")
    assert person is not None
    # Whether the name run took "Coach" in or not, the corpus wrote "coach".
    assert facts.names.entity("Coach Andy Robinson") is person
    assert facts.names.entity("Manager Andy Robinson") is None  # "manager": never written
