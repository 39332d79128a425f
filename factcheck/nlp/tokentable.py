"""The token and sentence tables of one spaCy ``Doc``, shared by the extraction rules.

The rules in :mod:`~factcheck.nlp.names`, :mod:`~factcheck.nlp.roles`,
:mod:`~factcheck.nlp.counts` and :mod:`~factcheck.nlp.quotations` read these
plain tables, not the ``Doc``: spaCy stays in this module and ``extract.py``.
"""

from __future__ import annotations

import bisect

from spacy.tokens import Doc

from factcheck.model import Document, Sentence, Span, Token
from factcheck.nlp.language_data import Vocabulary, shipped_vocabulary

_NER_LABELS = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "NORP": "NORP", "FAC": "FAC"}
_SENTENCE_END = {".", "!", "?", "”", '"', "’", ")", "…", ":", ";"}
# No sentence is longer: the rules read a claim's whole sentence for each claim
# in it, so one run-on "sentence" of n tokens (a table, a list without full
# stops, hostile text) would cost n * n. Real sentences are far shorter.
MAX_SENTENCE_TOKENS = 250


def _lemma(token_lemma: str, lower: str) -> str:
    if token_lemma:
        return token_lemma.lower()
    # The rule-based pipeline has no lemmatiser: a plural "s" is the one
    # inflection that matters for event and counted nouns.
    if len(lower) > 4 and lower.endswith("s") and not lower.endswith("ss"):
        return lower[:-1]
    return lower


class TokenTable:
    """One doc's tokens, entity-label votes, paragraph breaks and sentences,
    and the vocabulary the rules read them with."""

    def __init__(self, doc: Doc, document: Document, vocabulary: Vocabulary | None = None) -> None:
        self.prose = document.prose
        self.vocabulary = vocabulary if vocabulary is not None else shipped_vocabulary()
        self.tokens: list[Token] = []
        self.ner: list[str] = []
        self.space_before: list[bool] = []  # a line break or blank before this token
        gap_has_newline = False
        # In plain text a line break ends a paragraph; Markdown and HTML wrap
        # lines inside a paragraph, so there only a blank line does.
        breaks_at = 1 if document.kind == "txt" else 2
        for spacy_token in doc:
            if spacy_token.is_space:
                newlines = spacy_token.text.count("\n")
                gap_has_newline = gap_has_newline or newlines >= breaks_at
                continue
            start = spacy_token.idx
            end = start + len(spacy_token.text)
            lower = spacy_token.text.lower()
            self.tokens.append(
                Token(
                    span=Span(start, end),
                    text=spacy_token.text,
                    lower=lower,
                    lemma=_lemma(spacy_token.lemma_, lower),
                    pos=spacy_token.pos_,
                    is_sent_start=bool(spacy_token.is_sent_start),
                )
            )
            self.ner.append(_NER_LABELS.get(spacy_token.ent_type_, ""))
            self.space_before.append(gap_has_newline)
            gap_has_newline = False
        self.index_by_start = {t.span.start: i for i, t in enumerate(self.tokens)}
        self.index_by_end = {t.span.end: i for i, t in enumerate(self.tokens)}
        self.sentences = self._sentences()
        self.sentence_starts = [self.tokens[s.first_token].span.start for s in self.sentences]

    def _sentences(self) -> list[Sentence]:
        sentences: list[Sentence] = []
        first = 0
        for index, token in enumerate(self.tokens):
            # The parser sometimes starts a sentence inside a name ("Yacheslav |
            # Volodin"); a start counts only after closing punctuation or a line break.
            after_stop = index > 0 and self.tokens[index - 1].text in _SENTENCE_END
            boundary = self.space_before[index] or (token.is_sent_start and after_stop)
            boundary = boundary or index - first >= MAX_SENTENCE_TOKENS
            if index > first and boundary:
                sentences.append(self._sentence(first, index))
                first = index
        if first < len(self.tokens):
            sentences.append(self._sentence(first, len(self.tokens)))
        return sentences

    def _sentence(self, first: int, end: int) -> Sentence:
        span = Span(self.tokens[first].span.start, self.tokens[end - 1].span.end)
        return Sentence(span=span, first_token=first, end_token=end)

    def sentence_of(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.sentence_starts, offset) - 1)
