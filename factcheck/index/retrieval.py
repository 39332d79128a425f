"""The corpus documents a draft is checked against: ranked by the rare keys they share.

A document scores, for each key it shares with the draft, the key's inverse
document frequency ``log(N / df)`` (times the closeness of a fuzzy name match).
Keys in more than :data:`COMMON_KEY_SHARE` of the documents say nothing about
which documents matter, so their postings are not read; the others are read
rarest first, up to :data:`POSTINGS_BUDGET` postings a check. The best
``limit`` documents are taken in rank order while their words (tokens, as
indexed) stay within ``words``: what a check costs grows with the words it
reads, and the best-ranked documents of a large archive are its longest (they
share the most keys), so a count of documents alone does not bound it. A
corpus of at most ``limit`` documents is selected whole, in corpus order, so
that checks against it are what they were without the index.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from factcheck.index.blocking import closeness, word_blocks
from factcheck.index.keys import NAME_WORD, analysis_keys, name_words
from factcheck.index.store import FactStore
from factcheck.model import Analysis

# A key in more documents than this share ranks nothing ("said", "year").
COMMON_KEY_SHARE = 0.2
# Postings read for one check at most: the rarest keys decide the ranking, and a
# draft with hundreds of middling keys must not read a large share of the index.
# 200,000 cost 81 ms a check at 100,000 documents; 25,000 cost 17 ms and chose
# as well for the beats checked against a 10,000-document archive.
POSTINGS_BUDGET = 25_000


@dataclass(frozen=True)
class Selection:
    """The chosen documents, in corpus order, each with the SHA-256 it was indexed at."""

    documents: tuple[tuple[str, str], ...]
    whole_corpus: bool  # the corpus was no larger than the limit
    postings_read: int = 0
    words: int = 0  # the chosen documents' tokens, as indexed (0 for a whole corpus)


def select_documents(
    store: FactStore,
    draft: Analysis,
    corpus: Sequence[tuple[str, str]],
    *,
    limit: int,
    threshold: float,
    words: int | None = None,
    positions: Mapping[str, int] | None = None,
) -> Selection:
    """``corpus``: (path, sha256) of every indexed corpus document, in corpus order;
    ``words``: the most tokens the chosen documents may hold together (None: no
    bound), though the best document is chosen whatever its length; ``positions``:
    each path's place in ``corpus`` (:attr:`factcheck.index.sync.SyncResult.positions`), which a
    long-lived caller keeps: without it, ordering the choice is a pass over the
    corpus (3.7 ms at 100,000 documents, every check)."""
    if len(corpus) <= limit:
        return Selection(documents=tuple(corpus), whole_corpus=True)
    with store.reading():
        weights = draft_weights(store, draft, threshold)
        # The corpus as the caller synced it, not count(*): SQLite counts a table by
        # walking it (1-2 ms a check at 100,000 documents, 50 ms cold).
        total = len(corpus)
        frequencies = store.document_frequencies(weights)
        most = COMMON_KEY_SHARE * total
        scores: dict[int, float] = defaultdict(float)
        read = 0
        for key, frequency in sorted(frequencies.items(), key=lambda item: (item[1], item[0])):
            if frequency > most or read + frequency > POSTINGS_BUDGET:
                break
            weight = weights[key] * math.log(total / frequency)
            for doc_id in store.postings(key):
                scores[doc_id] += weight
            read += frequency
        ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))[:limit]
        found = store.documents([doc_id for doc_id, _ in ranked])
    chosen: dict[str, str] = {}
    taken = 0
    for doc_id, _ in ranked:
        document = found.get(doc_id)
        if document is None:
            continue
        if chosen and words is not None and taken + document.words > words:
            break  # in rank order: a shorter, lesser document does not jump the queue
        chosen[document.path] = document.sha256
        taken += document.words
    order = positions
    if order is None:
        order = {path: position for position, (path, _) in enumerate(corpus)}
    # A document indexed since the caller's sync (another process's) is not in
    # its corpus: left out, as the corpus it was given does not have it.
    in_corpus = [item for item in chosen.items() if item[0] in order]
    in_corpus.sort(key=lambda item: order[item[0]])
    return Selection(
        documents=tuple(in_corpus),
        whole_corpus=False,
        postings_read=read,
        words=taken,
    )


def draft_weights(store: FactStore, draft: Analysis, threshold: float) -> dict[str, float]:
    """The draft's keys (weight 1), and the known name words a draft name word may be
    a misspelling of, weighted by how close they are."""
    keyed = analysis_keys(draft)
    weights = dict.fromkeys(keyed.keys, 1.0)
    for spelling in keyed.spellings:
        for word in name_words(spelling):
            for known in store.words_in_blocks(word_blocks(word)):
                key = NAME_WORD + known
                if key in weights and weights[key] >= 1.0:
                    continue
                close = closeness(word, known, threshold)
                if close > weights.get(key, 0.0):
                    weights[key] = close
    return weights
