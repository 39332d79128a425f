"""Organisation keys: acronyms learnt from the corpus, kinds of body and house
spellings; sentences written for these tests."""

from __future__ import annotations

from factcheck.documents import document_from_text
from factcheck.facts.titles.organisations import acronyms, org_key
from factcheck.model import Analysis, Document, Mention, Span

NO_PLACES: frozenset[str] = frozenset()


def _corpus(*names: str) -> list[tuple[Document, Analysis]]:
    """One document naming each organisation, labelled as the model labels them."""
    text = ". ".join(names) + "."
    mentions, start = [], 0
    for name in names:
        mentions.append(Mention(Span(start, start + len(name)), name, "ORG", 0))
        start += len(name) + 2
    document = document_from_text("a.txt", text)
    return [
        (
            document,
            Analysis(
                path="a.txt", sha256="", pipeline="test", published=None, mentions=tuple(mentions)
            ),
        )
    ]


def test_an_acronym_spelt_by_a_corpus_organisation_has_its_key() -> None:
    expansions = acronyms(_corpus("International Rowing Union", "Harbour Authority"))
    assert org_key("IRU", expansions, NO_PLACES) == org_key(
        "International Rowing Union", expansions, NO_PLACES
    )
    assert org_key("the IRU's", expansions, NO_PLACES) == "international rowing union"


def test_initials_two_organisations_share_say_nothing() -> None:
    expansions = acronyms(_corpus("Northern Rail Board", "National Reading Bureau"))
    assert "NRB" not in expansions


def test_a_bracketed_definition_is_still_an_acronym() -> None:
    document = document_from_text("a.txt", "The Coastal Ferry Service (CFS) cut fares.")
    expansions = acronyms(
        [(document, Analysis(path="a.txt", sha256="", pipeline="t", published=None))]
    )
    assert expansions["CFS"] == "Coastal Ferry Service"


def test_the_kind_of_body_and_the_house_spelling_do_not_change_the_key() -> None:
    assert org_key("Labour", {}, NO_PLACES) == org_key("Labor Party", {}, NO_PLACES)
    assert org_key("Acme plc", {}, NO_PLACES) == org_key("Acme", {}, NO_PLACES)
    assert org_key("World Health Organisation", {}, NO_PLACES) == org_key(
        "World Health Organization", {}, NO_PLACES
    )
    # A name that is only a kind of body keeps it; short words keep their spelling.
    assert org_key("The Party", {}, NO_PLACES) == "party"
    assert org_key("Four Hour Club", {}, NO_PLACES) == "four hour club"
