"""Tokenizing a text for spaCy in time linear in its length, whatever it holds.

spaCy's tokenizer strips prefixes and suffixes from a whitespace-free run one
at a time, rescanning the run each time: a run of 64,000 quote marks costs
minutes. A run longer than :data:`MAX_RUN` characters (no word is; a long URL
may be) is therefore tokenized in pieces of at most that length, and the
pieces are joined into one ``Doc`` whose text is the input's, character for
character, so every token offset is still an offset into the input.

spaCy also cannot hash a lone surrogate (Python text may hold one, UTF-8 may
not): each becomes U+FFFD, one character for one, before tokenizing.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["MAX_RUN", "make_doc", "spacy_safe"]

MAX_RUN = 100
_LONG_RUN = re.compile(rf"\S{{{MAX_RUN + 1},}}")
_SURROGATE = re.compile("[\ud800-\udfff]")


def spacy_safe(text: str) -> str:
    """``text`` with each lone surrogate replaced by U+FFFD: same length, same offsets."""
    return _SURROGATE.sub("\ufffd", text)


def make_doc(nlp: Language, text: str) -> Doc:
    """``nlp``'s tokenization of ``text``, over-long runs cut into pieces first."""
    text = spacy_safe(text)
    if _LONG_RUN.search(text) is None:
        return nlp.make_doc(text)
    pieces: list[Doc] = []
    position = 0
    for run in _LONG_RUN.finditer(text):
        if run.start() > position:
            pieces.append(nlp.make_doc(text[position : run.start()]))
        for start in range(run.start(), run.end(), MAX_RUN):
            pieces.append(nlp.make_doc(text[start : min(start + MAX_RUN, run.end())]))
        position = run.end()
    if position < len(text):
        pieces.append(nlp.make_doc(text[position:]))
    return Doc.from_docs(pieces, ensure_whitespace=False)
