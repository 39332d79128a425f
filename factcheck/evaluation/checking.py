"""Running the engine for the suites: one spaCy pipeline, many small corpora.

Every suite builds many engines (one per held-out document, one per FRANK
article); they all share one loaded pipeline, and the analysis cache is off so
that an evaluation never writes into the project's cache folder.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from factcheck.config import Config
from factcheck.documents import document_from_text, load_document
from factcheck.engine import CorpusSource, Engine
from factcheck.model import Finding, Severity
from factcheck.nlp.pipeline import LoadedPipeline, load_pipeline
from factcheck.sources import expand_paths

# What makes ``factcheck check`` fail: the findings that count as flags here.
FLAGGING = (Severity.ERROR, Severity.WARNING)


@dataclass(frozen=True)
class CorpusText:
    """A corpus document's name, text and publication date."""

    name: str
    text: str
    published: dt.date | None


def read_corpus(path: str | Path) -> list[CorpusText]:
    """The documents under ``path`` (a file, folder or glob), in a stable order."""
    documents = []
    for file in sorted(expand_paths([str(path)], Path.cwd())):
        document = load_document(file, display_path=file.name)
        documents.append(CorpusText(file.name, document.text, document.published))
    return documents


class Checker:
    """Builds engines over in-memory corpora with one shared pipeline."""

    def __init__(self, config: Config, pipeline: LoadedPipeline | None = None) -> None:
        self.config = config.replace(cache_enabled=False)
        self.pipeline = pipeline if pipeline is not None else load_pipeline(config.model)

    def engine(self, corpus: CorpusSource) -> Engine:
        """An engine over ``corpus``: texts by name, or paths read as ``--corpus`` reads them."""
        source = dict(corpus) if isinstance(corpus, Mapping) else list(corpus)
        # The engine's own notices (pipeline, plugins) would repeat once per corpus.
        return Engine(self.config, corpus=source, pipeline=self.pipeline, stderr=io.StringIO())

    @staticmethod
    def check(engine: Engine, name: str, text: str, date: dt.date | None) -> list[Finding]:
        """The error and warning findings for ``text`` checked as a draft."""
        report = engine.check_document(document_from_text(name, text), date=date)
        return flagging(report.findings)


def flagging(findings: tuple[Finding, ...] | list[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity in FLAGGING]


def category_of(finding: Finding) -> str:
    return finding.category.value
