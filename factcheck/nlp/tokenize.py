"""Tokenizing a text for spaCy in time linear in its length, whatever it holds.

spaCy's tokenizer strips prefixes and suffixes from a whitespace-free run one
at a time, rescanning the run each time: a run of 64,000 quote marks costs
minutes, and would then be 64,000 tokens for the model. A run longer than
:data:`MAX_RUN` characters (no word is; a long URL may be) is therefore not
tokenized by spaCy: it becomes tokens of at most that length, cut only
between a word character and a mark or between two marks, never inside a
word (a token starting "1th" would read as an ordinal); a word longer than
that is a token of its own. The pieces are joined into one ``Doc`` whose text
is the input's, character for character, so every token offset is still an
offset into the input.

spaCy also cannot hash a lone surrogate (Python text may hold one, UTF-8 may
not): each becomes U+FFFD, one character for one, before tokenizing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["MAX_RUN", "make_doc", "spacy_safe"]

MAX_RUN = 100
_LONG_RUN = re.compile(rf"\S{{{MAX_RUN + 1},}}")
_SURROGATE = re.compile("[\ud800-\udfff]")
# A word, or one mark: the units a piece is made of.
_SEGMENT = re.compile(r"\w+|\W")


def spacy_safe(text: str) -> str:
    """``text`` with each lone surrogate replaced by U+FFFD: same length, same offsets."""
    return _SURROGATE.sub("\ufffd", text)


def make_doc(nlp: Language, text: str) -> Doc:
    """``nlp``'s tokenization of ``text``, over-long runs cut into pieces instead."""
    text = spacy_safe(text)
    if _LONG_RUN.search(text) is None:
        return nlp.make_doc(text)
    pieces: list[Doc] = []
    position = 0
    for run in _LONG_RUN.finditer(text):
        if run.start() > position:
            pieces.append(nlp.make_doc(text[position : run.start()]))
        # Each piece is one token: not handed to the tokenizer (which would
        # make each of 64,000 marks a token for the model to tag and parse).
        words = list(_pieces(run.group()))
        pieces.append(Doc(nlp.vocab, words=words, spaces=[False] * len(words)))
        position = run.end()
    if position < len(text):
        pieces.append(nlp.make_doc(text[position:]))
    return Doc.from_docs(pieces, ensure_whitespace=False)


def _pieces(run: str) -> Iterator[str]:
    """``run`` in consecutive pieces of at most MAX_RUN characters, each word whole."""
    start = end = 0
    for segment in _SEGMENT.finditer(run):
        if segment.end() - start > MAX_RUN and end > start:
            yield run[start:end]
            start = end
        end = segment.end()
    if end > start:
        yield run[start:end]
