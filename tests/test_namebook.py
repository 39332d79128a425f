"""The name book: spellings grouped into entities, and misspellings corrected."""

from __future__ import annotations

import random

import pytest

from factcheck.engine import Engine
from factcheck.facts.names.namebook import NameBook, NameEntity, name_tokens, normalise_name
from factcheck.model import Mention, Span
from tests import synthetic_names
from tests.namebook_reference import AllPairsNameBook


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


def test_a_word_alone_is_corrected_by_every_known_word() -> None:
    # Each known word, from names grouped early and late, is a candidate alone.
    book = _book(
        ("a", "Vyacheslav Volodin", "PERSON"),
        ("b", "Vyacheslav Volodin", "PERSON"),
        ("c", "Kremlin", "ORG"),
    )
    fixed = book.correct("Volodim")
    assert fixed is not None and fixed[0] == "Volodin"
    other = book.correct("Kremlim")
    assert other is not None and other[0] == "Kremlin"
    assert book.correct("Vyacheslaw") is not None  # another romanisation


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


# --- the blocking indexes answer as comparing every pair does ----------------------


def test_a_variant_of_two_names_joins_the_one_sharing_its_earlier_word() -> None:
    # "Darov Kolan" is older (more documents); "Darev Kolan" is close to both, and
    # the all-pairs order (by the variant's words, first word first) picks "Darev Kolin".
    book = _book(
        ("a", "Darov Kolan", "PERSON"),
        ("b", "Darov Kolan", "PERSON"),
        ("c", "Darov Kolan", "PERSON"),
        ("a", "Darev Kolin", "PERSON"),
        ("b", "Darev Kolin", "PERSON"),
        ("d", "Darev Kolan", "PERSON"),
    )
    owner = book.entity("Darev Kolin")
    assert owner is not None and book.spells("Darev Kolan", owner)


def _grouping(book: NameBook) -> list[tuple[str, str, list[tuple[str, list[str]]]]]:
    return [
        (e.canonical, e.kind, [(s, sorted(docs)) for s, docs in e.spellings.items()])
        for e in book.entities
    ]


def _answers(book: NameBook, name: str) -> tuple[object, ...]:
    def canonical(entity: NameEntity | None) -> str | None:
        return None if entity is None else f"{entity.canonical}/{entity.kind}"

    entity = book.entity(name)
    correction = book.correct(name)
    return (
        canonical(entity),
        book.is_known(name),
        None if correction is None else (correction[0], canonical(correction[1])),
        [canonical(e) for e in book.initials_contradict(name)],
        book.as_attested_as_canonical(name),
        entity is not None and book.spells(name, entity),
        [book.knows_word(w) for w in name_tokens(name)],
    )


def _assert_same_as_all_pairs(
    mentions: list[tuple[str, Mention]], names: list[str], threshold: float = 85.0
) -> None:
    people = [m.text for _, m in mentions if m.label == "PERSON"][::7]
    indexed = NameBook.build(mentions, threshold, people=people)
    reference = AllPairsNameBook.build(mentions, threshold, people=people)
    assert _grouping(indexed) == _grouping(reference)
    for name in names:
        assert _answers(indexed, name) == _answers(reference, name), name


@pytest.mark.parametrize("seed", range(6))
def test_indexed_book_answers_as_the_all_pairs_book(seed: int) -> None:
    rng = random.Random(seed)
    mentions = synthetic_names.corpus_mentions(rng, 400)
    names = [m.text for _, m in mentions] + synthetic_names.queries(rng, mentions, 400)
    _assert_same_as_all_pairs(mentions, names)


@pytest.mark.parametrize("threshold", [60.0, 75.0, 95.0])
def test_indexed_book_answers_as_the_all_pairs_book_at_other_thresholds(
    threshold: float,
) -> None:
    rng = random.Random(int(threshold))
    mentions = synthetic_names.corpus_mentions(rng, 300)
    names = [m.text for _, m in mentions] + synthetic_names.queries(rng, mentions, 300)
    _assert_same_as_all_pairs(mentions, names, threshold)


def test_indexed_book_answers_as_the_all_pairs_book_on_the_seeds(seed_engine: Engine) -> None:
    analyses = list(seed_engine.facts.analyses.values())
    mentions = [(a.path, m) for a in analyses for m in a.mentions]
    rng = random.Random(0)
    names = [m.text for _, m in mentions] + synthetic_names.queries(rng, mentions, 400)
    _assert_same_as_all_pairs(mentions, names)


def test_known_words_in_a_combination_no_known_name_has_are_mended_one_way() -> None:
    # "Matthew" is another person's first name; "Matthew Tait" is still a
    # misspelling of the only Tait the corpus knows.
    book = _book(
        ("a", "Mathew Tait", "PERSON"),
        ("b", "Mathew Tait", "PERSON"),
        ("c", "Matthew Taylor", "PERSON"),
    )
    fixed = book.correct("Matthew Tait")
    assert fixed is not None and fixed[0] == "Mathew Tait"
    assert book.correct("Matthew Taylor") is None  # known as written
    other = book.correct("Mathew Taylor")  # and the other way round
    assert other is not None and other[0] == "Matthew Taylor"


def test_known_words_mended_two_ways_are_left_alone() -> None:
    book = _book(
        ("a", "Mathew Tait", "PERSON"),
        ("b", "Matthew Tail", "PERSON"),
    )
    assert book.correct("Matthew Tait") is None


def test_a_body_of_known_words_in_a_new_combination_is_not_mended() -> None:
    book = _book(("a", "Labor Party", "ORG"), ("b", "Labour", "ORG"), ("c", "Labour", "ORG"))
    assert book.correct("Labour Party") is None
