"""A check through the fact index stores the selected documents' own facts beside
their analyses, and a later engine reads them back: the same findings, without
reading the documents' facts from their analyses again."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from factcheck.cache import DATABASE_NAME
from factcheck.facts import document_pieces
from factcheck.nlp.pipeline import LoadedPipeline
from tests.conftest import SEED_FILES
from tests.index_corpora import write_distractors
from tests.index_engines import findings, index_engine

DRAFT = (
    "His guest was Yacheslav Volodin, chairman of the Russian State Duma.\n\n"
    "Zhao Leji and Vyacheslav Volodin held the 11th meeting on Monday.\n"
)


@pytest.fixture()
def archive(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    write_distractors(corpus, 12)
    for seed in SEED_FILES:
        shutil.copyfile(seed, corpus / seed.name)
    return corpus


def _stored_rows(cache: Path) -> list[tuple[str, bytes]]:
    with sqlite3.connect(cache / DATABASE_NAME) as raw:
        rows = raw.execute("SELECT sha256, data FROM document_facts").fetchall()
    raw.close()
    return rows


def _anchors_read(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The paths whose anchors and slot values are read from their analyses from now on."""
    read: list[str] = []
    original = document_pieces.anchored_sentences

    def reading(analysis: object, numbers: object = None) -> object:
        read.append(analysis.path)  # type: ignore[attr-defined]
        return original(analysis, numbers)  # type: ignore[arg-type]

    monkeypatch.setattr(document_pieces, "anchored_sentences", reading)
    return read


def test_a_later_engine_reads_the_stored_facts_and_finds_the_same(
    archive: Path, tmp_path: Path, pipeline: LoadedPipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    first = findings(index_engine(archive, cache, pipeline, limit=5), DRAFT)
    assert any(code == "FC101" for code, *_ in first)
    stored = _stored_rows(cache)
    assert 1 <= len(stored) <= 5, "the selected documents' facts, and only theirs"
    read = _anchors_read(monkeypatch)
    again = findings(index_engine(archive, cache, pipeline, limit=5), DRAFT)
    assert again == first
    assert read == [], "a stored document's facts were read from its analysis again"


def test_stored_facts_that_do_not_read_back_are_read_again_and_replaced(
    archive: Path, tmp_path: Path, pipeline: LoadedPipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    first = findings(index_engine(archive, cache, pipeline, limit=5), DRAFT)
    stored = dict(_stored_rows(cache))
    with sqlite3.connect(cache / DATABASE_NAME) as raw:
        raw.execute("UPDATE document_facts SET data = ?", (b"\x93\x01\x02\x03",))
    raw.close()
    read = _anchors_read(monkeypatch)
    assert findings(index_engine(archive, cache, pipeline, limit=5), DRAFT) == first
    assert len(read) == len(stored), "every unreadable entry is read from its analysis"
    assert dict(_stored_rows(cache)) == stored, "and stored anew, as it was"


def test_a_cache_file_without_the_table_opened_while_locked_finds_the_same(
    archive: Path, tmp_path: Path, pipeline: LoadedPipeline
) -> None:
    cache = tmp_path / "cache"
    with_store = findings(index_engine(archive, cache, pipeline, limit=5), DRAFT)
    with sqlite3.connect(cache / DATABASE_NAME) as raw:
        raw.execute("DROP TABLE document_facts")
    raw.close()
    # A file another process holds locked when it is opened keeps no facts table:
    # the check reads each document's facts from its analysis, as before.
    writer = sqlite3.connect(cache / DATABASE_NAME, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    try:
        assert findings(index_engine(archive, cache, pipeline, limit=5), DRAFT) == with_store
    finally:
        writer.execute("ROLLBACK")
        writer.close()
