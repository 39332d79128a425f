"""Retrieval (factcheck/index/retrieval.py) through the engine: a check reads only
the documents its draft needs, and still finds what the whole corpus would."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from factcheck.documents import document_from_text
from factcheck.engine import Engine
from factcheck.index.retrieval import Selection
from factcheck.model import Analysis, FileReport
from factcheck.nlp.pipeline import LoadedPipeline
from tests.index_corpora import copy_seed, write_distractors
from tests.index_engines import MISSPELT_DRAFT, count_cache_reads, findings, index_engine


@pytest.fixture()
def archive(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    write_distractors(corpus, 30)
    copy_seed(corpus, "m_volodin.txt")  # in the middle of the corpus order
    return corpus


def _warm_index(
    archive: Path, tmp_path: Path, pipeline: LoadedPipeline, monkeypatch: pytest.MonkeyPatch
) -> tuple[Path, list[str]]:
    """The archive indexed into a cache folder (returned), and from then on the
    SHA-256 of every analysis decoded from that cache."""
    cache = tmp_path / "cache"
    index_engine(archive, cache, pipeline).sync_index()
    return cache, count_cache_reads(monkeypatch)


def test_a_misspelt_name_finds_its_document_among_distractors(
    archive: Path, tmp_path: Path, pipeline: LoadedPipeline
) -> None:
    engine = index_engine(archive, tmp_path / "cache", pipeline, limit=3)
    found = findings(engine)
    fc101 = [f for f in found if f[0] == "FC101"]
    assert fc101, found
    _, written, expected, _, evidence = fc101[0]
    assert (written, expected) == ("Yacheslav Volodin", "Vyacheslav Volodin")
    assert any(source.endswith("m_volodin.txt") for source, _, _ in evidence)


def test_a_spelling_share_from_a_selection_says_how_few_documents_it_read_of_how_many(
    archive: Path, tmp_path: Path, rules_pipeline: LoadedPipeline
) -> None:
    selected = index_engine(archive, tmp_path / "cache", rules_pipeline, limit=3)
    report = selected.check_document(document_from_text("draft.md", MISSPELT_DRAFT))
    (message,) = {f.message for f in report.findings if f.code == "FC101"}
    read = len(selected.facts_for(_draft_analysis(selected)).documents)
    assert 1 <= read <= 3
    documents = "document" if read == 1 else "documents"
    assert f"(1 of {read} {documents} read for this draft, of 31)" in message
    # A corpus within the limit is read whole: its share is of the whole corpus.
    whole = index_engine(archive, tmp_path / "cache", rules_pipeline, limit=100)
    report = whole.check_document(document_from_text("draft.md", MISSPELT_DRAFT))
    (message,) = {f.message for f in report.findings if f.code == "FC101"}
    assert "(1 of 31 documents)" in message


def test_retrieval_ranks_the_fuzzy_match_first(
    archive: Path, tmp_path: Path, rules_pipeline: LoadedPipeline
) -> None:
    # Only one name word of the draft is known, and only to one document, as a
    # misspelling: the first name is in every distractor (too common to rank).
    select = _selector(archive, tmp_path, rules_pipeline, "Vyacheslav Volodim arrived.")
    selection = select(limit=1)
    assert [Path(path).name for path, _ in selection.documents] == ["m_volodin.txt"]
    assert not selection.whole_corpus


def test_a_check_decodes_at_most_the_limit_of_analyses(
    archive: Path, tmp_path: Path, rules_pipeline: LoadedPipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache, decoded = _warm_index(archive, tmp_path, rules_pipeline, monkeypatch)
    engine = index_engine(archive, cache, rules_pipeline, limit=3)
    assert any(f[0] == "FC101" for f in findings(engine))
    assert 0 < len(decoded) <= 3
    # Another draft on the same story builds nothing more.
    findings(engine, "Yacheslav Volodin was his guest.\n")
    assert len(decoded) <= 3


def test_a_corpus_within_the_limit_is_checked_whole_as_without_the_index(
    archive: Path, tmp_path: Path, rules_pipeline: LoadedPipeline
) -> None:
    from factcheck.config import config_from_mapping
    from factcheck.engine import Engine

    indexed = index_engine(archive, tmp_path / "cache", rules_pipeline, limit=100)
    config = config_from_mapping(
        {"corpus": [str(archive)], "cache": False}, source=None, root=archive.parent
    )
    in_memory = Engine(config, pipeline=rules_pipeline)
    assert indexed.uses_index and not in_memory.uses_index
    assert findings(indexed) == findings(in_memory)
    _, synced = indexed.sync_index()
    assert len(synced.indexed) == 31


def test_a_corpus_of_texts_is_checked_in_memory(rules_pipeline: LoadedPipeline) -> None:
    from factcheck.config import config_from_mapping
    from factcheck.engine import Engine
    from tests.index_corpora import VOLODIN_SEED

    config = config_from_mapping({"retrieval-limit": 1}, source=None, root=Path.cwd())
    texts = {"seed.txt": VOLODIN_SEED.read_text(encoding="utf-8"), "other.txt": "Anna met Ivan."}
    engine = Engine(config, corpus=texts, pipeline=rules_pipeline)
    assert not engine.uses_index
    assert any(f.code == "FC101" for f in findings(engine))
    assert set(engine.facts.documents) == {"seed.txt", "other.txt"}


def test_the_whole_corpus_facts_are_reused_when_the_selection_is_the_whole_corpus(
    archive: Path, tmp_path: Path, rules_pipeline: LoadedPipeline
) -> None:
    engine = index_engine(archive, tmp_path / "cache", rules_pipeline, limit=100)
    whole = engine.facts  # as the server loads it before the first request
    assert engine.facts_for(engine.facts.analyses[next(iter(whole.analyses))]) is whole


def test_preparing_an_indexed_engine_builds_no_whole_corpus_facts(
    archive: Path, tmp_path: Path, rules_pipeline: LoadedPipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    import factcheck.engine as engine_module

    monkeypatch.chdir(tmp_path)  # evidence then names documents relative to it
    engine = index_engine(archive, tmp_path / "cache", rules_pipeline, limit=3)
    built: list[int] = []
    from factcheck.facts import CorpusFacts as real

    def counted(pairs: object, **options: object) -> object:
        built.append(len(pairs))  # type: ignore[arg-type]
        return real(pairs, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(engine_module, "CorpusFacts", counted)
    engine.prepare()
    assert engine.corpus_size() == 31
    assert built == []  # no fact base at all, let alone the whole corpus's
    report = engine.check_document(document_from_text("draft.md", MISSPELT_DRAFT))
    assert built and max(built) <= 3
    # A client asks for a document by the name evidence gives it, not the stored path.
    sources = {e.source for f in report.findings for e in f.evidence}
    name = next(source for source in sources if source.endswith("m_volodin.txt"))
    assert name == "corpus/m_volodin.txt"
    document = engine.corpus_document(name)
    assert document is not None and "Volodin" in document.text
    assert engine.corpus_document(str(tmp_path / "elsewhere.txt")) is None


def test_a_new_selection_reuses_the_analyses_decoded_for_the_last_one(
    archive: Path, tmp_path: Path, rules_pipeline: LoadedPipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache, decoded = _warm_index(archive, tmp_path, rules_pipeline, monkeypatch)
    engine = index_engine(archive, cache, rules_pipeline, limit=3)
    findings(engine)
    first = list(decoded)
    kept = {id(facts) for facts in engine.facts_for(_draft_analysis(engine))._pieces.values()}
    # Forgetting only the fact bases: the same documents' facts come from memory.
    engine._selected_facts.clear()
    assert findings(engine) == findings(index_engine(archive, cache, rules_pipeline, limit=3))
    assert decoded[: len(first)] == first and len(decoded) == 2 * len(first)
    again = engine.facts_for(_draft_analysis(engine))._pieces.values()
    assert {id(facts) for facts in again} == kept
    # Forgetting everything: read from the cache again.
    decoded.clear()
    engine.forget_selections()
    findings(engine)
    assert sorted(decoded) == sorted(first)


def test_a_document_changed_since_its_analysis_was_kept_is_not_served_from_memory(
    archive: Path, tmp_path: Path, rules_pipeline: LoadedPipeline
) -> None:
    engine = index_engine(archive, tmp_path / "cache", rules_pipeline, limit=3)
    assert any(f.code == "FC101" for f in _report(engine).findings)
    seed = archive / "m_volodin.txt"
    seed.write_text(seed.read_text(encoding="utf-8").replace("Volodin", "Volodarsky"), "utf-8")
    engine._selected_facts.clear()  # the kept analyses stay: only the file changed
    # The check reads the file as it is now: its old analysis must not be used.
    assert not any(f.code == "FC101" for f in _report(engine).findings)


def _report(engine: object) -> FileReport:
    assert isinstance(engine, Engine)
    return engine.check_document(document_from_text("draft.md", MISSPELT_DRAFT))


def _draft_analysis(engine: Engine) -> Analysis:
    from factcheck.nlp.extract import analyse_many

    draft = document_from_text("draft.md", MISSPELT_DRAFT)
    (analysis,) = analyse_many(engine.pipeline.nlp, [draft], engine.pipeline.key)
    return analysis


KAZAN_DRAFT = "Vyacheslav Volodin met officials in Kazan."


def _selector(
    archive: Path, tmp_path: Path, pipeline: LoadedPipeline, text: str
) -> Callable[..., Selection]:
    """``select_documents`` over the synced archive for a draft of ``text``, to be
    called with ``limit`` and any other keyword arguments."""
    from factcheck.index import select_documents
    from factcheck.nlp.extract import analyse_many

    store, synced = index_engine(archive, tmp_path / "cache", pipeline).sync_index()
    (analysis,) = analyse_many(pipeline.nlp, [document_from_text("draft.md", text)], pipeline.key)
    return functools.partial(select_documents, store, analysis, synced.indexed, threshold=85.0)


class _Unwalkable(tuple[tuple[str, str], ...]):
    """A corpus whose length may be asked, but that must not be walked."""

    def __iter__(self) -> Iterator[tuple[str, str]]:
        raise AssertionError("the selection walked the whole corpus")

    def __getitem__(self, index: object) -> Any:
        raise AssertionError("the selection walked the whole corpus")


def test_a_selection_is_put_in_corpus_order_without_a_pass_over_the_corpus(
    archive: Path, tmp_path: Path, rules_pipeline: LoadedPipeline
) -> None:
    from factcheck.index import select_documents
    from factcheck.nlp.extract import analyse_many

    store, synced = index_engine(archive, tmp_path / "cache", rules_pipeline).sync_index()
    draft = document_from_text("draft.md", KAZAN_DRAFT)
    (analysis,) = analyse_many(rules_pipeline.nlp, [draft], rules_pipeline.key)
    walked = select_documents(store, analysis, synced.indexed, limit=5, threshold=85.0)
    kept = select_documents(
        store,
        analysis,
        _Unwalkable(synced.indexed),
        limit=5,
        threshold=85.0,
        positions=synced.positions,
    )
    assert len(kept.documents) > 1 and kept.documents == walked.documents
    order = [synced.positions[path] for path, _ in kept.documents]
    assert order == sorted(order)


def test_retrieval_reads_the_rarest_keys_first_and_stops_at_its_budget(
    archive: Path, tmp_path: Path, rules_pipeline: LoadedPipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    import factcheck.index.retrieval as retrieval

    select = _selector(archive, tmp_path, rules_pipeline, KAZAN_DRAFT)
    unbounded = select(limit=1)
    monkeypatch.setattr(retrieval, "POSTINGS_BUDGET", 2)
    bounded = select(limit=1)
    # The surname is in one document: read first, it decides within any budget.
    assert 0 < bounded.postings_read <= 2 < unbounded.postings_read
    assert [Path(p).name for p, _ in bounded.documents] == ["m_volodin.txt"]
    assert bounded.documents == unbounded.documents


def test_the_selection_holds_at_most_its_words_taking_documents_in_rank_order(
    archive: Path, tmp_path: Path, rules_pipeline: LoadedPipeline
) -> None:
    selector = _selector(archive, tmp_path, rules_pipeline, KAZAN_DRAFT)

    def select(words: int | None) -> tuple[list[str], int]:
        chosen = selector(limit=5, words=words)
        return [Path(path).name for path, _ in chosen.documents], chosen.words

    unbounded, all_words = select(None)
    assert len(unbounded) == 5
    # The best document is taken whatever its length; nothing after it fits in 1.
    best, best_words = select(1)
    assert best == ["m_volodin.txt"] and best_words > 1
    for budget in (best_words, (best_words + all_words) // 2, all_words - 1):
        names, words = select(budget)
        assert words <= budget and set(names) < set(unbounded), budget
        assert "m_volodin.txt" in names
    assert select(all_words) == (unbounded, all_words)


def test_a_check_reads_no_more_than_its_words_of_the_archive(
    archive: Path, tmp_path: Path, rules_pipeline: LoadedPipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache, decoded = _warm_index(archive, tmp_path, rules_pipeline, monkeypatch)
    found = findings(index_engine(archive, cache, rules_pipeline, limit=5, words=1))
    assert any(f[0] == "FC101" for f in found)
    assert len(decoded) == 1
