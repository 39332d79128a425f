"""Engines over a corpus folder with the fact index on, for the index tests."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import pytest

from factcheck.cache import AnalysisCache
from factcheck.config import config_from_mapping
from factcheck.documents import document_from_text
from factcheck.engine import Engine
from factcheck.nlp.pipeline import LoadedPipeline

MISSPELT_DRAFT = "His guest was Yacheslav Volodin.\n"


def index_engine(
    corpus: Path, cache: Path, pipeline: LoadedPipeline, *, limit: int = 3, words: int | None = None
) -> Engine:
    """An engine on ``corpus`` through the fact index; ``words``: its retrieval-words
    (the configuration's default when None)."""
    settings: dict[str, object] = {
        "corpus": [str(corpus)],
        "cache-dir": str(cache),
        "retrieval-limit": limit,
    }
    if words is not None:
        settings["retrieval-words"] = words
    config = config_from_mapping(settings, source=None, root=corpus.parent)
    return Engine(config, pipeline=pipeline)


class Seen(NamedTuple):
    """A finding as compared across engines, evidence included."""

    code: str
    found: str
    expected: str | None
    line: int
    evidence: tuple[tuple[str, int, int], ...]


def findings(engine: Engine, text: str = MISSPELT_DRAFT) -> list[Seen]:
    report = engine.check_document(document_from_text("draft.md", text))
    return [
        Seen(
            f.code,
            f.found,
            f.expected,
            f.line,
            tuple((e.source, e.line, e.support) for e in f.evidence),
        )
        for f in report.findings
    ]


def count_cache_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The SHA-256 of every analysis read from the analysis cache from now on."""
    read: list[str] = []
    original = AnalysisCache.get

    def counting_get(self: AnalysisCache, sha256: str) -> object:
        read.append(sha256)
        return original(self, sha256)

    monkeypatch.setattr(AnalysisCache, "get", counting_get)
    return read
