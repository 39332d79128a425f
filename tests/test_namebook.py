"""The name book: spellings grouped into entities, and misspellings corrected."""

from __future__ import annotations

from factcheck.model import Mention, Span
from factcheck.namebook import NameBook, name_tokens, normalise_name


def _book(*names: tuple[str, str, str]) -> NameBook:
    mentions = [
        (source, Mention(Span(0, len(text)), text, label, 0, label))
        for source, text, label in names
    ]
    return NameBook.build(mentions)


def test_name_tokens_drop_punctuation() -> None:
    assert name_tokens('Star Trek"') == ["Star", "Trek"]
    assert name_tokens("World Anti-Fascist War") == ["World", "Anti", "Fascist", "War"]
    assert normalise_name('Trek"') == "Trek"


def test_correction_keeps_hyphens() -> None:
    book = _book(("a", "World Anti-Fascist War", "ORG"), ("b", "World Anti-Fascist War", "ORG"))
    correction = book.correct("World Anti-Facsist War")
    assert correction is not None and correction[0] == "World Anti-Fascist War"


def test_short_word_corrected_only_beside_a_right_word() -> None:
    book = _book(("a", "Zhao Leji", "PERSON"), ("b", "Xi Jinping", "PERSON"))
    fixed = book.correct("Zao Leji")
    assert fixed is not None and fixed[0] == "Zhao Leji"
    hsi = book.correct("Hsi Jinping")
    assert hsi is not None and hsi[0] == "Xi Jinping"
    assert book.correct("Zao") is None  # alone, a 3-letter word is someone else
    assert book.correct("Xu Jinping") is None


def test_misspelt_caption_joins_the_majority_spelling() -> None:
    book = _book(
        ("a", "Zhao Leji", "PERSON"), ("b", "Zhao Leji", "PERSON"), ("c", "Zho Leji", "PERSON")
    )
    (entity,) = book.people()
    assert entity.canonical == "Zhao Leji" and entity.variants == ["Zho Leji"]


def test_a_spelling_as_attested_as_the_canonical_is_not_outvoted() -> None:
    book = _book(("a", "Zara Phillips", "PERSON"), ("a", "Zara Philipps", "PERSON"))
    assert book.as_attested_as_canonical("Zara Phillips")
    assert book.as_attested_as_canonical("Zara Philipps")
    outvoted = _book(
        ("a", "Vyacheslav Volodin", "PERSON"),
        ("b", "Vyacheslav Volodin", "PERSON"),
        ("c", "Yacheslav Volodin", "PERSON"),
    )
    assert not outvoted.as_attested_as_canonical("Yacheslav Volodin")


def test_initials_refer_to_the_person_they_fit() -> None:
    book = _book(
        ("a", "Vyacheslav Volodin", "PERSON"),
        ("b", "V. Volodin", "PERSON"),
        ("a", "Zhao Leji", "PERSON"),
    )
    (volodin, _) = book.people()
    assert volodin.canonical == "Vyacheslav Volodin" and "V. Volodin" in volodin.spellings
    assert book.entity("Volodin") is volodin  # the surname alone stays his
    assert book.entity("V. V. Volodin") is volodin and book.is_known("V.V. Volodin")
    assert book.entity("A. Volodin") is None and not book.is_known("A. Volodin")
    assert book.initials_contradict("A. Volodin") == [volodin]
    assert book.initials_contradict("V. Volodin") == []
    assert book.initials_contradict("A. Petrov") == []  # a surname nobody has


def test_initials_fitting_two_people_are_ambiguous() -> None:
    book = _book(("a", "Vladimir Ivanov", "PERSON"), ("b", "Viktor Ivanov", "PERSON"))
    assert book.entity("V. Ivanov") is None
    assert book.is_known("V. Ivanov") and book.initials_contradict("V. Ivanov") == []


def test_a_country_is_not_an_alias_of_a_body_named_after_it() -> None:
    book = _book(
        ("a", "China-Russia Committee for Parliamentary Cooperation", "ORG"),
        ("a", "China", "GPE"),
    )
    china = book.entity("China")
    assert china is not None and china.kind == "GPE"
    committee = book.entity("China-Russia Committee for Parliamentary Cooperation")
    assert committee is not None and "China" not in committee.spellings


def test_spells_only_the_spellings_the_corpus_groups_into_an_entity() -> None:
    book = _book(
        ("a", "Vyacheslav Volodin", "PERSON"),
        ("b", "Vyacheslav Volodin", "PERSON"),
        ("c", "Yacheslav Volodin", "PERSON"),
    )
    person = book.entity("Vyacheslav Volodin")
    assert person is not None
    assert book.spells("Yacheslav Volodin", person) and book.spells("Vyacheslav Volodin", person)
    assert not book.spells("Vyacheslav Volodim", person)
