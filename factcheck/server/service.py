"""The one engine behind every request: checks, corpus documents, and corpus reloads.

The pipeline and the corpus are loaded once, when the service is made. spaCy's
``nlp`` object is not documented as thread-safe, so every use of the engine
holds one lock: checks run one at a time (in a worker thread, so the server
keeps accepting requests meanwhile). A check of a draft takes well under a
second; the lock is the simple, safe choice for a local tool.

Before each use the corpus files are compared with what was loaded (see
:mod:`factcheck.server.corpus_watch`); when they changed, the engine is brought
in line (:meth:`~factcheck.engine.Engine.reload_corpus`): with the fact index
only new and changed files are read and indexed, and the analyses and fact
bases it keeps by content stay warm. If the new corpus cannot be read, the old
facts keep being served and the problem is reported by ``/api/health``.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from pathlib import Path
from typing import TextIO

from factcheck import __version__
from factcheck.config import Config
from factcheck.documents import document_from_text
from factcheck.engine import Engine
from factcheck.errors import FactcheckError
from factcheck.model import CodeInfo
from factcheck.nlp.pipeline import LoadedPipeline
from factcheck.output.json_format import render_json
from factcheck.server.corpus_watch import CorpusWatch

logger = logging.getLogger("factcheck.server")

DEFAULT_POLL_SECONDS = 2.0


class CheckService:
    """Checks drafts on one engine; safe to call from several threads."""

    def __init__(
        self,
        config: Config,
        *,
        pipeline: LoadedPipeline | None = None,
        poll_interval: float = DEFAULT_POLL_SECONDS,
        stderr: TextIO | None = None,
    ) -> None:
        self._config = config
        self._stderr = stderr
        self._lock = threading.Lock()
        # Taken before loading: a change made while the corpus loads is seen next time.
        self._watch = CorpusWatch(config.corpus_paths(), base=Path.cwd(), interval=poll_interval)
        self._engine = self._build(pipeline)
        self.reload_error: str | None = None
        self.reloads = 0

    def _build(self, pipeline: LoadedPipeline | None) -> Engine:
        engine = Engine(self._config, pipeline=pipeline, stderr=self._stderr)
        # The corpus now, not during the first request; listed even with
        # sync-on-check = false, since the watch only sees changes from here on.
        engine.prepare(list_corpus=True)
        return engine

    def _refresh(self) -> Engine:
        """The engine to use, rebuilt first if the corpus changed. Hold the lock."""
        if self._watch.changed():
            # The same engine, brought in line: with the fact index only the changed
            # files are read, and what it keeps between checks stays warm.
            try:
                self._engine.reload_corpus()
            except FactcheckError as error:
                self.reload_error = str(error)
                logger.warning(
                    "corpus changed but cannot be loaded, keeping the old one: %s", error
                )
            else:
                self.reload_error = None
                self.reloads += 1
                logger.info("corpus changed: reloaded %d documents", self._engine.corpus_size())
        return self._engine

    def check(self, text: str, *, path: str, date: dt.date | None) -> str:
        """The JSON report of ``factcheck check --format json`` for this draft."""
        with self._lock:
            engine = self._refresh()
            document = document_from_text(path, text)
            report = engine.report([engine.check_document(document, date=date)])
        return render_json(report)

    def corpus_document(self, name: str) -> str | None:
        """The text of the corpus document named ``name`` (as evidence names it), if any."""
        with self._lock:
            document = self._refresh().corpus_document(name)
        return None if document is None else document.text

    def codes(self) -> list[CodeInfo]:
        with self._lock:
            return sorted(self._engine.plugins.codes.values(), key=lambda info: info.code)

    def status(self) -> dict[str, object]:
        with self._lock:
            engine = self._refresh()
            documents = engine.corpus_size()
            pipeline = engine.pipeline
        return {
            "status": "ok",
            "version": __version__,
            "pipeline": {
                "name": pipeline.name,
                "version": pipeline.version,
                "statistical": pipeline.statistical,
            },
            "corpus": {
                "documents": documents,
                "reloads": self.reloads,
                "reload_error": self.reload_error,
            },
        }
