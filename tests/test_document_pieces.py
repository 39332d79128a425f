"""One document's own facts, read once and kept: a fact base built from kept ones
checks as one built from the documents, however many selections share them."""

from __future__ import annotations

import gc
import types

import pytest

from factcheck.documents import load_document
from factcheck.engine import Engine
from factcheck.facts.corpus import CorpusFacts
from factcheck.facts.document_pieces import DocumentFacts
from factcheck.model import Analysis, Document, Finding
from factcheck.nlp.pipeline import LoadedPipeline
from tests.conftest import SEED_FILES, seeds_config


def _seed_pairs(engine: Engine) -> list[tuple[Document, Analysis]]:
    facts = engine.facts
    return [(facts.documents[path], facts.analyses[path]) for path in facts.documents]


def _findings(engine: Engine, facts: CorpusFacts, seed: str) -> tuple[Finding, ...]:
    engine._facts = facts  # the fact base a check uses, as the engine keeps it
    path = next(p for p in SEED_FILES if p.name == seed)
    return engine.check_document(load_document(path, display_path=seed)).findings


def test_kept_documents_give_the_facts_the_documents_give(pipeline: LoadedPipeline) -> None:
    engine = Engine(seeds_config(), pipeline=pipeline)
    pairs = _seed_pairs(engine)
    kept = {document.path: DocumentFacts(document, analysis) for document, analysis in pairs}
    found = 0
    # Each seed against the other four: five selections share the kept documents,
    # as an engine's selections share what it keeps.
    for seed in [p.name for p in SEED_FILES]:
        rest = [(d, a) for d, a in pairs if not d.path.endswith(seed)]
        assert len(rest) == len(pairs) - 1
        from_pairs = _findings(engine, CorpusFacts(rest), seed)
        pieces = [kept[document.path] for document, _ in rest]
        from_kept = _findings(engine, CorpusFacts(pieces), seed)
        assert from_kept == from_pairs
        found += len(from_pairs)
    assert found > 0  # the seeds disagree with each other: there is something to compare


def test_a_document_s_facts_are_read_once_and_only_when_asked(
    rules_pipeline: LoadedPipeline,
) -> None:
    document, analysis = _seed_pairs(Engine(seeds_config(), pipeline=rules_pipeline))[0]
    piece = DocumentFacts(document, analysis)
    assert not {"text", "numbers", "anchored"} & set(vars(piece))
    anchored = piece.anchored
    assert "numbers" in vars(piece) and "text" not in vars(piece)
    assert piece.anchored is anchored
    assert piece.stated_numbers == tuple(v for found in piece.numbers for v in found)


def test_a_document_s_facts_are_read_only() -> None:
    document, analysis = _seed_pairs(Engine(seeds_config()))[0]
    piece = DocumentFacts(document, analysis)
    with pytest.raises(AttributeError, match="read-only"):
        piece.numbers = ()
    _ = piece.numbers
    with pytest.raises(AttributeError, match="read-only"):
        del piece.numbers
    with pytest.raises(AttributeError, match="read-only"):
        piece.extra = 1
    with pytest.raises(TypeError):
        piece.times_by_sentence[0] = ()  # type: ignore[index]


def _reachable(start: object) -> list[object]:
    """Every object ``start`` holds, directly or not, short of classes, modules and
    functions (through which everything is reachable)."""
    seen = {id(start)}
    stack, found = [start], []
    while stack:
        for referent in gc.get_referents(stack.pop()):
            if isinstance(referent, (type, types.ModuleType, types.FunctionType)):
                continue
            if id(referent) not in seen:
                seen.add(id(referent))
                found.append(referent)
                stack.append(referent)
    return found


def test_kept_documents_hold_no_fact_base() -> None:
    engine = Engine(seeds_config())
    pieces = [DocumentFacts(d, a) for d, a in _seed_pairs(engine)]
    facts = CorpusFacts(pieces)
    _ = facts.learnt_titles(), facts.name_fact("Volodin")  # what is read on first use
    for piece in pieces:
        piece.compute_all()
        assert not any(isinstance(o, (CorpusFacts, Engine)) for o in _reachable(piece))


class _CountedMentions(tuple):  # type: ignore[type-arg]
    """A mentions tuple that counts how often it is walked whole."""

    walks = 0

    def __iter__(self):  # type: ignore[no-untyped-def]
        type(self).walks += 1
        return super().__iter__()


def _sentence_answers(facts: CorpusFacts, analysis: Analysis) -> list[object]:
    found: list[object] = []
    for time in analysis.times:
        found.append(facts.people_near(analysis, time.sentence, time.span))
    for index in range(len(analysis.sentences)):
        found.append(facts.people_in(analysis, index))
        found.append(facts.context_in(analysis, index))
    return found


def test_asking_about_each_sentence_walks_a_document_s_mentions_once(
    rules_pipeline: LoadedPipeline,
) -> None:
    import dataclasses

    pairs = _seed_pairs(Engine(seeds_config(), pipeline=rules_pipeline))
    facts = CorpusFacts(pairs)
    document, analysis = pairs[0]
    expected = _sentence_answers(facts, analysis)
    assert any(expected) and len(analysis.sentences) > 5
    # The same analysis as a draft (not one of the fact base's documents), its
    # mentions counted: one walk to group them, however many sentences are asked.
    draft = dataclasses.replace(analysis, mentions=_CountedMentions(analysis.mentions))
    _CountedMentions.walks = 0
    assert _sentence_answers(facts, draft) == expected
    assert _CountedMentions.walks <= 1
    # A corpus document's grouping is kept with its own facts.
    counted_facts = CorpusFacts([(document, draft), *pairs[1:]])
    _CountedMentions.walks = 0
    _sentence_answers(counted_facts, draft)
    assert _CountedMentions.walks == 0
