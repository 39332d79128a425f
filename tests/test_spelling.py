"""Word-level spelling comparison for names, and the index that finds candidates."""

from __future__ import annotations

import random

import pytest

from factcheck.facts.names.spelling import (
    CloseWordIndex,
    may_be_another_word,
    one_edit_apart,
    romanisation_key,
    romanised_alike,
    short_and_one_letter_apart,
    words_close,
)


def test_romanisation_variants_share_a_key() -> None:
    assert romanisation_key("Hsi") == romanisation_key("Xi")
    assert romanisation_key("Jao") == romanisation_key("Zhao")
    assert romanisation_key("Viacheslav") == romanisation_key("Vyacheslav")


def test_short_words_need_context() -> None:
    assert not words_close("Zao", "Zhao", 85.0)
    assert words_close("Zao", "Zhao", 85.0, context=True)
    assert words_close("Hsi", "Xi", 85.0, context=True)
    assert not words_close("Hsi", "Xi", 85.0)
    # Two letters one edit apart are different names even in context.
    assert not words_close("Xu", "Xi", 85.0, context=True)


def test_long_words_one_edit_or_a_high_ratio() -> None:
    assert words_close("Volodim", "Volodin", 85.0)
    assert words_close("Vyachselav", "Vyacheslav", 85.0)
    assert not words_close("Volodin", "Vladimir", 85.0)


def test_words_one_edit_apart_share_a_form() -> None:
    assert one_edit_apart("Volodim", "Volodin")  # substituted
    assert one_edit_apart("Voldin", "Volodin")  # dropped
    assert one_edit_apart("Vloodin", "Volodin")  # swapped
    assert one_edit_apart("Jao", "Zhao")  # romanisation
    assert not one_edit_apart("Putin", "Volodin")


def test_names_romanised_alike() -> None:
    assert romanised_alike("Viacheslav Volodin", "Vyacheslav Volodin")
    assert romanised_alike("Sergey Lavrov", "Sergei Lavrov")
    assert not romanised_alike("Yacheslav Volodin", "Vyacheslav Volodin")  # a typo
    assert not romanised_alike("Viacheslav Volodim", "Vyacheslav Volodin")  # and a typo
    assert not romanised_alike("Vyacheslav Volodin", "Vyacheslav Volodin")  # the same
    assert not romanised_alike("Viacheslav", "Vyacheslav Volodin")


def test_a_short_word_a_letter_from_another_may_be_another_word() -> None:
    assert short_and_one_letter_apart("Tang", "Yang") and short_and_one_letter_apart(
        "Pugin", "Putin"
    )
    assert short_and_one_letter_apart("Hang", "Zhang") and short_and_one_letter_apart("Lei", "Leji")
    assert may_be_another_word("Tang", "Yang")
    # Longer words, a letter added to a longer word, two letters swapped: typing errors.
    assert not short_and_one_letter_apart("Leiji", "Leji")
    assert not short_and_one_letter_apart("Volodim", "Volodin")
    assert not may_be_another_word("Volodim", "Volodin")
    assert not may_be_another_word("Yacheslav", "Vyacheslav")
    assert not may_be_another_word("Zhoa", "Zhao")
    # Another romanisation is the same word.
    assert not may_be_another_word("Jao", "Zhao") and not short_and_one_letter_apart("Wlad", "Vlad")


def test_a_word_matched_only_by_likeness_may_be_another_word() -> None:
    assert may_be_another_word("Joining", "Jinping")


def _generated_words(rng: random.Random, count: int) -> list[str]:
    """Random words of 1 to 14 letters, each with a few misspellings of itself."""
    words: set[str] = set()
    for _ in range(count):
        word = "".join(rng.choice("aeioubdkmnrstvzhy") for _ in range(rng.randint(1, 14)))
        words.add(word.capitalize())
        for _ in range(3):
            letters = list(word)
            at = rng.randrange(len(letters))
            roll = rng.random()
            if roll < 0.3:
                letters.insert(at, rng.choice("aeiouk"))
            elif roll < 0.6 and len(letters) > 1:
                del letters[at]
            elif len(letters) > 1:
                at = min(at, len(letters) - 2)
                letters[at], letters[at + 1] = letters[at + 1], letters[at]
            if rng.random() < 0.5:
                letters[rng.randrange(len(letters))] = rng.choice("yzh")
            words.add("".join(letters))
    return sorted(words)


@pytest.mark.parametrize("threshold", [50.0, 70.0, 85.0, 95.0, 100.0])
def test_close_word_index_finds_every_word_words_close_accepts(threshold: float) -> None:
    words = _generated_words(random.Random(int(threshold)), 120)
    index = CloseWordIndex(threshold)
    for word in words:
        index.add(word)
    for word in words:
        candidates = index.candidates(word)
        close = {w.lower() for w in words if words_close(word, w, threshold, context=True)}
        assert close <= candidates, word


def test_close_word_index_looks_at_few_words() -> None:
    words = _generated_words(random.Random(1), 300)
    index = CloseWordIndex(85.0)
    for word in words:
        index.add(word)
    looked_at = sum(len(index.candidates(word)) for word in words)
    assert looked_at < len(words) * len(words) / 20


def test_a_hard_c_is_a_k_romanised_otherwise() -> None:
    assert romanised_alike("Costas Andreou", "Kostas Andreou")
    assert romanised_alike("Nicolai Petrov", "Nikolai Petrov")
    # Before e, i or y a "c" is another sound; "ch" is a letter of its own.
    assert not romanised_alike("Cecil Moss", "Kekil Moss")
    assert not romanised_alike("Chris Moss", "Kris Moss")
