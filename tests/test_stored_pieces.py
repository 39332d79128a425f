"""A document's own facts stored and read back: the same pieces, of the same
analysis objects, or a clear miss."""

from __future__ import annotations

import zlib
from pathlib import Path

import msgpack
import pytest

from factcheck.config import config_from_mapping
from factcheck.engine import Engine
from factcheck.facts.document_pieces import DocumentFacts
from factcheck.facts.stored_pieces import (
    FORMAT_VERSION,
    STORED_PIECES,
    code_fingerprint,
    decode_pieces,
    encode_pieces,
)
from factcheck.model import Analysis, Document
from factcheck.nlp.pipeline import LoadedPipeline
from tests.conftest import seeds_config
from tests.external_data import external


def _pairs(engine: Engine) -> list[tuple[Document, Analysis]]:
    facts = engine.facts
    return [(facts.documents[path], facts.analyses[path]) for path in facts.documents]


def _beats_and_seeds(pipeline: LoadedPipeline) -> list[tuple[Document, Analysis]]:
    corpora = [str(folder) for folder in sorted(external("beats").glob("*/corpus"))]
    config = config_from_mapping({"corpus": corpora, "cache": False}, source=None, root=Path.cwd())
    return _pairs(Engine(seeds_config(), pipeline=pipeline)) + _pairs(
        Engine(config, pipeline=pipeline)
    )


def _assert_same_pieces(restored: DocumentFacts, computed: DocumentFacts) -> None:
    for name in STORED_PIECES:
        assert getattr(restored, name) == getattr(computed, name), name
    analysis = restored.analysis
    own = {id(mention) for mention in analysis.mentions}
    computed_own = {id(mention) for mention in computed.analysis.mentions}
    for phrase, before in zip(restored.title_phrases, computed.title_phrases, strict=True):
        # The analysis's own mention where the computed title had it, not a copy.
        assert (id(phrase.holder) in own) == (id(before.holder) in computed_own)
    numbers = {id(value) for group in restored.numbers for value in group}
    for sentence in restored.anchored:
        for value in sentence.values:
            if value.number is not None:
                assert id(value.number) in numbers, "a slot's number is not its sentence's"


def test_stored_pieces_read_back_as_computed_on_real_articles(
    statistical_pipeline: LoadedPipeline,
) -> None:
    pairs = _beats_and_seeds(statistical_pipeline)
    assert len(pairs) > 70
    stored_values = titles = 0
    for document, analysis in pairs:
        computed = DocumentFacts(document, analysis)
        restored = decode_pieces(encode_pieces(computed), document, analysis)
        assert not set(vars(restored)) - set(STORED_PIECES) - {"_document", "_analysis"}
        _assert_same_pieces(restored, computed)
        # The pieces not stored are computed from the analysis as before.
        assert restored.stated_numbers == computed.stated_numbers
        assert restored.text.quote(0) == computed.text.quote(0)
        stored_values += sum(len(s.values) for s in computed.anchored)
        titles += len(computed.title_phrases)
    assert stored_values > 1000 and titles > 100  # the round trip had something to carry


def test_pieces_stored_for_another_analysis_are_refused(rules_pipeline: LoadedPipeline) -> None:
    (document, analysis), (other_document, other) = _pairs(
        Engine(seeds_config(), pipeline=rules_pipeline)
    )[:2]
    assert len(analysis.sentences) != len(other.sentences)
    data = encode_pieces(DocumentFacts(document, analysis))
    with pytest.raises(ValueError, match="another analysis"):
        decode_pieces(data, other_document, other)


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"not compressed",
        zlib.compress(b"\xc1"),  # a byte msgpack never writes
        zlib.compress(msgpack.packb((FORMAT_VERSION + 1, [], [], [], [], [], [], [], []))),
        zlib.compress(msgpack.packb((FORMAT_VERSION, [], []))),
        zlib.compress(msgpack.packb({"numbers": []})),
    ],
)
def test_what_is_not_stored_pieces_is_a_value_error(
    data: bytes, rules_pipeline: LoadedPipeline
) -> None:
    document, analysis = _pairs(Engine(seeds_config(), pipeline=rules_pipeline))[0]
    with pytest.raises(ValueError):
        decode_pieces(data, document, analysis)


def test_restored_takes_only_the_names_of_pieces(rules_pipeline: LoadedPipeline) -> None:
    document, analysis = _pairs(Engine(seeds_config(), pipeline=rules_pipeline))[0]
    with pytest.raises(ValueError, match="not pieces"):
        DocumentFacts.restored(document, analysis, {"analysis": analysis})


def test_the_fingerprint_follows_the_facts_code(tmp_path: Path) -> None:
    (tmp_path / "titles").mkdir()
    (tmp_path / "corpus.py").write_text("A = 1\n")
    (tmp_path / "titles" / "phrases.py").write_text("B = 2\n")
    (tmp_path / "notes.txt").write_text("not code")
    first = code_fingerprint(tmp_path)
    (tmp_path / "notes.txt").write_text("still not code")
    assert code_fingerprint(tmp_path) == first
    (tmp_path / "titles" / "phrases.py").write_text("B = 3\n")
    changed = code_fingerprint(tmp_path)
    assert changed != first
    (tmp_path / "titles" / "phrases.py").rename(tmp_path / "titles" / "other.py")
    assert code_fingerprint(tmp_path) not in {first, changed}


@pytest.mark.parametrize("predicate", [None, [1, False], ["held", "no"], ["held"]])
def test_events_predicates_of_another_shape_are_refused(
    predicate: list[object] | None, statistical_pipeline: LoadedPipeline
) -> None:
    document, analysis = next(
        (d, a) for d, a in _pairs(Engine(seeds_config(), pipeline=statistical_pipeline)) if a.events
    )
    stored = list(
        msgpack.unpackb(zlib.decompress(encode_pieces(DocumentFacts(document, analysis))))
    )
    # None: one predicate short of the events; else each of another shape.
    events = len(analysis.events)
    stored[9] = stored[9][1:] if predicate is None else [predicate] * events
    with pytest.raises(ValueError):
        decode_pieces(zlib.compress(msgpack.packb(stored)), document, analysis)
