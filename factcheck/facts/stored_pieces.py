"""A corpus document's own facts in a compact stored form, read back by key.

A new story's check reads the documents the fact index selects for it, and
what it read of each of them by itself (:class:`DocumentFacts`: the numbers,
the anchors and slot values of every sentence, the titles it gives people, the
parent patterns, acronyms and initialisms it writes, its long sentences, its
lower-case words) took 43 to 50 ms for a selection of 40 documents, every
check, for documents read many times before. Stored once per document, they
are read back in 9 to 10 ms (40 documents of a 10,000-document archive; see
docs/indexing.md).

The form: a msgpack array of positional tuples, the first item
:data:`FORMAT_VERSION`, compressed with zlib. Mentions are stored as their
index in the document's analysis, and a slot value's number as its place
among the sentence's number groups, so that the restored objects are the
analysis's own, as when computed. Pieces that cost little to compute (sentence text and lines, times
and mentions by sentence, written names) are not stored.

What the pieces are depends on the facts code; the store keys them by a
fingerprint of ``factcheck/facts/`` (:func:`facts_fingerprint`) next to the
analysis's key, so a change of that code recomputes them. (Besides itself,
the facts code imports only ``factcheck.model`` and ``factcheck.nlp``, which
the analysis key covers, and ``factcheck.positions``, for the sentence text
and lines, which are not stored.) Decoding checks the
shape against the analysis it is given and raises :class:`ValueError` for
anything else, which the caller treats as a miss.
"""

from __future__ import annotations

import functools
import hashlib
import zlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import msgpack

from factcheck.facts.anchor_alignment import AnchoredSentence, SlotValue
from factcheck.facts.document_dates import DatingSentences
from factcheck.facts.document_pieces import DocumentFacts
from factcheck.facts.number_values import NumberValue
from factcheck.facts.titles.phrases import TitlePhrase
from factcheck.model import Analysis, Document, Mention, Span

__all__ = [
    "FORMAT_VERSION",
    "STORED_PIECES",
    "code_fingerprint",
    "decode_pieces",
    "encode_pieces",
    "facts_fingerprint",
]

# Bumped when the stored shapes below change (the fingerprint changes with any
# edit of factcheck/facts/ anyway; the version guards data from another release).
FORMAT_VERSION = 2  # 2: and the events' predicates as written

# The DocumentFacts pieces stored, in the order of the stored array.
STORED_PIECES = (
    "numbers",
    "anchored",
    "title_phrases",
    "parent_patterns",
    "dating",
    "common_words",
    "defined_acronyms",
    "initialisms",
    "event_predicates",
)


@functools.cache
def facts_fingerprint() -> str:
    """:func:`code_fingerprint` of the installed ``factcheck/facts/``, once a process."""
    return code_fingerprint(Path(__file__).parent)


def code_fingerprint(folder: Path) -> str:
    """A short hash of the names and contents of the Python files under ``folder``
    and of :data:`FORMAT_VERSION`."""
    digest = hashlib.sha256(f"stored-pieces-{FORMAT_VERSION}".encode())
    for path in sorted(folder.rglob("*.py")):
        digest.update(path.relative_to(folder).as_posix().encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:16]


# --- encoding ---------------------------------------------------------------------


def encode_pieces(facts: DocumentFacts) -> bytes:
    """The stored form of ``facts``'s pieces (computing any not computed yet)."""
    analysis = facts.analysis
    mention_index = {id(mention): i for i, mention in enumerate(analysis.mentions)}

    def mention(found: Mention) -> Any:
        index = mention_index.get(id(found))
        if index is not None:
            return index
        # A mention made for the title ("Lib Dem MP X" read inside one name): whole.
        return (
            found.span.start,
            found.span.end,
            found.text,
            found.label,
            found.sentence,
            found.ner_label,
        )

    number_place: dict[int, tuple[int, int]] = {}
    numbers = []
    for sentence, group in enumerate(facts.numbers):
        for place, value in enumerate(group):
            number_place[id(value)] = (sentence, place)
        numbers.append(tuple(_number(value) for value in group))

    def slot_number(value: NumberValue | None) -> Any:
        if value is None:
            return None
        return number_place.get(id(value)) or _number(value)

    anchored = [
        (
            sentence.sentence,
            tuple(part for anchor in sentence.anchors for part in anchor),
            tuple(
                (
                    value.family,
                    value.key,
                    value.span.start,
                    value.span.end,
                    value.sentence,
                    value.role,
                    value.first_token,
                    value.end_token,
                    slot_number(value.number),
                    sorted(value.qualifiers),
                )
                for value in sentence.values
            ),
            sentence.text,
        )
        for sentence in facts.anchored
    ]
    titles = [
        (
            mention(phrase.holder),
            phrase.words,
            phrase.span.start,
            phrase.span.end,
            phrase.past,
            None if phrase.organisation is None else mention(phrase.organisation),
            phrase.organisation_by_reference,
        )
        for phrase in facts.title_phrases
    ]
    parents = [
        (offset, mention(child), mention(parent), relation)
        for offset, child, parent, relation in facts.parent_patterns
    ]
    stored = (
        FORMAT_VERSION,
        numbers,
        anchored,
        titles,
        parents,
        facts.dating.sentences,
        sorted(facts.common_words),
        facts.defined_acronyms,
        facts.initialisms,
        facts.event_predicates,
    )
    # Compressed, fast: the words and sentence texts repeat, and a stored form of
    # 12 KB a document (more than its analysis) becomes under 5 KB, for about
    # 2 ms more a selection of 40 documents.
    return zlib.compress(msgpack.packb(stored, use_bin_type=True), 1)


def _number(value: NumberValue) -> tuple[Any, ...]:
    return (
        value.kind,
        value.amount,
        value.span.start,
        value.span.end,
        value.first_token,
        value.end_token,
    )


# --- decoding ---------------------------------------------------------------------


def decode_pieces(data: bytes, document: Document, analysis: Analysis) -> DocumentFacts:
    """The document's facts with the stored pieces in place; ValueError if ``data``
    is not a stored form of this analysis's pieces."""
    try:
        return _decode(data, document, analysis)
    except (
        TypeError,
        IndexError,
        KeyError,
        AttributeError,
        msgpack.UnpackException,
        zlib.error,
    ) as exc:
        raise ValueError(f"not stored pieces of {analysis.path}: {exc}") from exc


def _decode(data: bytes, document: Document, analysis: Analysis) -> DocumentFacts:
    stored = msgpack.unpackb(zlib.decompress(data), use_list=False, raw=False)
    if not isinstance(stored, tuple) or len(stored) != 10 or stored[0] != FORMAT_VERSION:
        raise ValueError("another format version or shape")
    _, numbers_in, anchored_in, titles_in, parents_in, dating, common, acronyms, initials = stored[
        :9
    ]
    predicates = stored[9]
    if len(predicates) != len(analysis.events):
        raise ValueError("stored for another analysis: the events differ")
    sentences = len(analysis.sentences)
    if len(numbers_in) != sentences or len(anchored_in) != sentences:
        raise ValueError("stored for another analysis: the sentences differ")
    mentions = analysis.mentions
    path = analysis.path

    def mention(found: Any) -> Mention:
        if isinstance(found, int):
            return mentions[found]
        start, end, text, label, sentence, ner_label = found
        return Mention(Span(start, end), text, label, sentence, ner_label)

    numbers: tuple[tuple[NumberValue, ...], ...] = tuple(
        tuple(_number_from(value) for value in group) for group in numbers_in
    )

    def slot_number(found: Any) -> NumberValue | None:
        if found is None:
            return None
        if len(found) == 2:
            sentence, place = int(found[0]), int(found[1])
            return numbers[sentence][place]
        return _number_from(found)

    anchored = tuple(
        AnchoredSentence(
            path,
            sentence,
            tuple(zip(flat[0::2], flat[1::2], strict=True)),
            tuple(
                SlotValue(
                    family,
                    key,
                    Span(start, end),
                    in_sentence,
                    role,
                    first,
                    last,
                    slot_number(number),
                    frozenset(qualifiers),
                )
                for (
                    family,
                    key,
                    start,
                    end,
                    in_sentence,
                    role,
                    first,
                    last,
                    number,
                    qualifiers,
                ) in values
            ),
            text,
        )
        for sentence, flat, values, text in anchored_in
    )
    titles = tuple(
        TitlePhrase(
            mention(holder),
            words,
            Span(start, end),
            past,
            None if organisation is None else mention(organisation),
            by_reference,
        )
        for holder, words, start, end, past, organisation, by_reference in titles_in
    )
    parents = tuple(
        (offset, mention(child), mention(parent), relation)
        for offset, child, parent, relation in parents_in
    )
    pieces: dict[str, object] = {
        "numbers": numbers,
        "anchored": anchored,
        "title_phrases": titles,
        "parent_patterns": parents,
        "dating": DatingSentences(path, analysis.published, _strings(dating)),
        "common_words": frozenset(_strings(common)),
        "defined_acronyms": _pairs(acronyms),
        "initialisms": _pairs(initials),
        "event_predicates": tuple(_predicate(found) for found in predicates),
    }
    return DocumentFacts.restored(document, analysis, pieces)


def _number_from(stored: Sequence[Any]) -> NumberValue:
    kind, amount, start, end, first, last = stored
    return NumberValue(kind, amount, Span(start, end), first, last)


def _predicate(stored: Sequence[Any]) -> tuple[str, bool]:
    written, noun = stored
    if not isinstance(written, str) or not isinstance(noun, bool):
        raise ValueError("a predicate that is not a word and whether it is a noun")
    return written, noun


def _strings(stored: Sequence[Any]) -> tuple[str, ...]:
    if not all(isinstance(item, str) for item in stored):
        raise ValueError("a word that is not a string")
    return tuple(stored)


def _pairs(stored: Sequence[Any]) -> tuple[tuple[str, str], ...]:
    if not all(len(pair) == 2 for pair in stored):
        raise ValueError("a pair that is not two strings")
    return tuple((str(first), str(second)) for first, second in stored)
