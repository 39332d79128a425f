"""From a spaCy ``Doc`` to an :class:`~factcheck.model.Analysis` of plain records.

The statistical model is noisy on news names ("Volodin" as a place, "Duma
Vyacheslav Volodin" as one person), so names are not taken from its entity
spans. They are read off the tokens (runs of capitalised words, with titles
stripped and organisation heads splitting a run), and the model's labels are
kept only as votes that the corpus fact base adds up.

This module runs the pipeline and puts the records together; the rules live
in :mod:`~factcheck.nlp.names`, :mod:`~factcheck.nlp.roles`,
:mod:`~factcheck.nlp.counts` and :mod:`~factcheck.nlp.quotations`, and read
the doc's :class:`~factcheck.nlp.tokentable.TokenTable`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from spacy.language import Language
from spacy.tokens import Doc

from factcheck.model import Analysis, Document, Span, TimeExpression
from factcheck.nlp.counts import counts
from factcheck.nlp.events import events
from factcheck.nlp.language_data import Vocabulary
from factcheck.nlp.names import mentions
from factcheck.nlp.parses import token_parses
from factcheck.nlp.quotations import quotations
from factcheck.nlp.roles import roles
from factcheck.nlp.timex import find_time_expressions
from factcheck.nlp.tokenize import make_doc
from factcheck.nlp.tokentable import TokenTable
from factcheck.nlp.values import value_claims


def analyse(
    nlp: Language, document: Document, pipeline_key: str, vocabulary: Vocabulary | None = None
) -> Analysis:
    """Analyse one document with ``nlp``."""
    return analyse_many(nlp, [document], pipeline_key, vocabulary)[0]


def analyse_many(
    nlp: Language,
    documents: Sequence[Document],
    pipeline_key: str,
    vocabulary: Vocabulary | None = None,
) -> list[Analysis]:
    """Analyse several documents in one ``nlp.pipe`` call (much faster than one by one).

    ``vocabulary`` is the configured word lists; the shipped ones without it.
    """

    def with_context() -> Iterable[tuple[Doc, Document]]:
        for document in documents:
            # Tokenized here, not by ``nlp.pipe``: see factcheck.nlp.tokenize.
            yield make_doc(nlp, document.prose), document

    results = []
    for doc, document in nlp.pipe(with_context(), as_tuples=True):
        results.append(_analysis(doc, document, pipeline_key, vocabulary))
    return results


def _analysis(
    doc: Doc, document: Document, pipeline_key: str, vocabulary: Vocabulary | None
) -> Analysis:
    table = TokenTable(doc, document, vocabulary)
    found = mentions(table)
    times = _times(table)
    quoted = quotations(table, found)
    return Analysis(
        path=document.path,
        sha256=document.sha256,
        pipeline=pipeline_key,
        published=document.published,
        tokens=tuple(table.tokens),
        sentences=tuple(table.sentences),
        mentions=tuple(found),
        roles=tuple(roles(table, found)),
        times=tuple(times),
        counts=tuple(counts(table)),
        quotations=tuple(quoted),
        parses=tuple(token_parses(doc, table)),
        events=tuple(events(doc, times, found)),
        values=tuple(value_claims(doc, table, found, quoted)),
    )


def _times(table: TokenTable) -> list[TimeExpression]:
    # The time rules are in timex.py and work on the text; here they are only
    # placed in the doc's sentences.
    return [
        TimeExpression(
            span=Span(raw.start, raw.end),
            text=raw.text,
            weekday=raw.weekday,
            year=raw.year,
            month=raw.month,
            day=raw.day,
            sentence=table.sentence_of(raw.start),
            relative=raw.relative,
        )
        for raw in find_time_expressions(table.prose)
    ]
