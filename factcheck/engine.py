"""The engine: loads the pipeline, the corpus and the plugins once, checks many drafts.

The CLI and the Python API both go through :class:`Engine`. It owns the order
of work: corpus files are read and hashed, analyses come from the cache where
the content, the pipeline and the factcheck version match, the rest go
through spaCy in one batch; drafts are analysed with the same pipeline, the
checkers run one plugin at a time, and the findings are located, filtered
(selection, per-file ignores, inline suppressions) and sorted.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import functools
import sqlite3
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TextIO

from factcheck.cache import AnalysisCache, cache_key
from factcheck.collector import collection_paused
from factcheck.config import Config, check_known_prefixes
from factcheck.context import CheckContext
from factcheck.documents import check_text_size, document_from_text, load_document
from factcheck.engine_codes import (
    INVALID_SUPPRESSION,
    PLUGIN_CRASHED,
    PLUGIN_LOAD_FAILED,
    SUPPRESSION_CODES,
    UNREADABLE_FILE,
    UNUSED_SUPPRESSION,
)
from factcheck.errors import InputError
from factcheck.facts.corpus import CorpusFacts
from factcheck.facts.document_pieces import DocumentFacts
from factcheck.facts.stored_pieces import decode_pieces, encode_pieces, facts_fingerprint
from factcheck.frozen_heap import freeze_survivors
from factcheck.index import SqliteFactStore, SyncResult, index_path, select_documents, sync_index
from factcheck.index.from_build import BuildIndexer
from factcheck.indexbuild.batches import Analyser, word_count
from factcheck.indexbuild.builder import DEFAULT_BATCH_SIZE, BuildSummary, build_index
from factcheck.indexbuild.local import LocalAnalyser
from factcheck.lru import Lru
from factcheck.model import (
    Analysis,
    CodeInfo,
    Document,
    FileReport,
    Finding,
    Report,
    Severity,
    Span,
)
from factcheck.nlp.extract import analyse_many
from factcheck.nlp.language_data import Vocabulary
from factcheck.nlp.pipeline import LoadedPipeline, load_pipeline
from factcheck.plugins import PluginFailure, PluginSet, load_plugins
from factcheck.positions import LineIndex
from factcheck.progress import Progress, ProgressFactory
from factcheck.sources import ListedFile, expand_paths, list_files, read_stdin
from factcheck.suppress import apply_suppressions, parse_suppressions

CorpusSource = Sequence[str] | Mapping[str, str]
# Fact bases built from a selection of corpus documents, kept by that selection:
# drafts on one story, or a corpus no larger than the retrieval limit, build once.
_SELECTED_FACTS_KEPT = 4
# Corpus documents' own facts (the decoded analysis and what is read from that
# document alone), kept by (path, SHA-256) for the next selections: drafts on one
# story share most of their documents. Measured at ~170 KiB of analysis and
# ~70 KiB of pieces for a ~200-word article, this holds ~100 MiB at most.
_DOCUMENTS_KEPT = 400


@dataclass(frozen=True)
class CorpusLoad:
    """What loading the corpus did: for ``factcheck index`` and the cache test."""

    documents: int
    analysed: int  # went through spaCy in this run
    cached: int  # came from the cache
    unreadable: tuple[InputError, ...] = ()


class Engine:
    """Checks drafts against one corpus; build it once, call :meth:`check_document` often."""

    def __init__(
        self,
        config: Config,
        *,
        corpus: CorpusSource | None = None,
        pipeline: LoadedPipeline | None = None,
        plugins: Sequence[object] = (),
        stderr: TextIO | None = None,
        no_ignore: bool = False,
        progress: ProgressFactory | None = None,
        announce_pipeline: bool = True,
    ) -> None:
        self.config = config
        self.no_ignore = no_ignore
        # Progress lines for long work (the corpus analysis); none by default.
        self._progress = progress
        self._announce_pipeline = announce_pipeline
        self._corpus_source: CorpusSource = corpus if corpus is not None else config.corpus_paths()
        self._pipeline = pipeline
        self._stderr = stderr if stderr is not None else sys.stderr
        self.plugins: PluginSet = load_plugins(config, extra=plugins)
        if not self.plugins.failures:
            # A plugin that failed to load may own the prefix: its FC902 says so.
            check_known_prefixes(config, self.plugins.codes)
        self._facts: CorpusFacts | None = None
        self.corpus_load: CorpusLoad | None = None
        self._index: tuple[SqliteFactStore, SyncResult] | None = None
        self._said_problems: set[str] = set()
        self._indexed_path_set: dict[str, str] | None = None
        self._selected_facts: Lru[tuple[tuple[str, str], ...], CorpusFacts] = Lru(
            _SELECTED_FACTS_KEPT
        )
        # At least one selection's worth, or a raised retrieval-limit would evict
        # each selection's documents before the next check could reuse them.
        self._documents_kept: Lru[tuple[str, str], DocumentFacts] = Lru(
            max(_DOCUMENTS_KEPT, config.retrieval_limit)
        )

    # --- set-up, lazily: `factcheck plugins` needs neither spaCy nor the corpus ----

    @functools.cached_property
    def vocabulary(self) -> Vocabulary:
        """The word lists of this engine's configuration, passed to the extraction;
        merged once, as the configuration does not change under an engine."""
        return self.config.language_vocabulary()

    @property
    def pipeline(self) -> LoadedPipeline:
        if self._pipeline is None:
            self._pipeline = load_pipeline(self.config.model)
            # The model's hundreds of thousands of objects live as long as the
            # process: out of the cyclic collector's sight, its full collections
            # walk only what checks (and an index build) made; a long-lived
            # engine's slowest checks were those that met one. The same freeze as
            # after each check, counted towards the same thaws.
            freeze_survivors()
            if self._announce_pipeline:
                print(self._pipeline.description, file=self._stderr)
        return self._pipeline

    @property
    def facts(self) -> CorpusFacts:
        if self._facts is None:
            documents, unreadable = self._read_corpus()
            analyses = self._analyses(documents, unreadable)
            self._facts = CorpusFacts(
                list(zip(documents, analyses, strict=True)),
                name_threshold=self.config.name_threshold,
            )
            self._say_corpus_problems()
        return self._facts

    def _read_corpus(self) -> tuple[list[Document], list[InputError]]:
        documents: list[Document] = []
        unreadable: list[InputError] = []
        _, items = self.corpus_items()
        for item in items:
            if isinstance(item, InputError):
                unreadable.append(item)
            else:
                documents.append(item)
        if not documents:
            raise InputError("corpus", "no readable corpus document")
        return documents, unreadable

    def corpus_items(
        self, indexer: BuildIndexer | None = None
    ) -> tuple[int, Iterator[Document | InputError]]:
        """How many corpus files there are, and each read only when it is reached
        (or the reason it cannot be): the index build holds one at a time. Each
        file's listing is told to ``indexer``, when given."""
        source = self._corpus_source
        if isinstance(source, Mapping):
            return len(source), _given_documents(source)
        self._require_corpus()
        files = list_files(self._corpus_patterns(), Path.cwd())
        return len(files), self._listed_documents(files, indexer)

    def index_corpus(
        self, analyser: Analyser | None = None, *, batch_size: int = DEFAULT_BATCH_SIZE
    ) -> BuildSummary:
        """Analyse and cache every corpus document the cache lacks, in committed batches,
        without building the fact base (``factcheck index``); in this process by default.
        With the fact index on, each document analysed is indexed as it comes back
        (:mod:`factcheck.index.from_build`): :meth:`sync_index` is left the rest."""
        indexer = (
            BuildIndexer(functools.partial(self._open_index, self._index_patterns()))
            if self.uses_index
            else None
        )
        total, items = self.corpus_items(indexer)
        cache = self._open_cache()
        progress = self._progress("indexing", total) if self._progress is not None else None
        try:
            summary = build_index(
                items,
                cache,
                analyser if analyser is not None else LocalAnalyser(self.pipeline, self.vocabulary),
                batch_size=batch_size,
                progress=progress,
                on_done=indexer.done if indexer is not None else None,
            )
        finally:
            if cache is not None:
                cache.close()
            if indexer is not None:
                # What came back before a stop is kept: its analyses are cached.
                indexer.close()
        if indexer is not None:
            summary.index_added, summary.index_changed = indexer.added, indexer.changed
        self.corpus_load = CorpusLoad(
            documents=summary.documents,
            analysed=summary.analysed,
            cached=summary.cached,
            unreadable=tuple(summary.unreadable),
        )
        self._say_corpus_problems()
        if not summary.documents:
            raise InputError("corpus", "no readable corpus document")
        return summary

    def _listed_documents(
        self, files: Sequence[ListedFile], indexer: BuildIndexer | None
    ) -> Iterator[Document | InputError]:
        """Each listed file read, and its listing told to ``indexer``."""
        for file in files:
            try:
                document = self._load_corpus_file(Path(file.path))
            except InputError as error:
                yield error
                continue
            if indexer is not None:
                indexer.listed(document, file)
            yield document

    def _analyses(
        self,
        documents: Sequence[Document],
        unreadable: Sequence[InputError],
        *,
        show_progress: bool = True,
    ) -> list[Analysis]:
        cache = self._open_cache()
        found: dict[int, Analysis] = {}
        if cache is not None:
            for index, document in enumerate(documents):
                cached = cache.get(document.sha256)
                if cached is not None:
                    # Same content under another name: keep the current name and date.
                    found[index] = dataclasses.replace(
                        cached, path=document.path, published=document.published
                    )
        missing = [i for i in range(len(documents)) if i not in found]
        if missing:
            fresh = self._analyse_with_progress(
                [documents[i] for i in missing], cache, show_progress=show_progress
            )
            for index, analysis in zip(missing, fresh, strict=True):
                found[index] = analysis
        if cache is not None:
            cache.close()
        self.corpus_load = CorpusLoad(
            documents=len(documents),
            analysed=len(missing),
            cached=len(documents) - len(missing),
            unreadable=tuple(unreadable),
        )
        return [found[i] for i in range(len(documents))]

    def _analyse_with_progress(
        self,
        documents: Sequence[Document],
        cache: AnalysisCache | None,
        *,
        show_progress: bool = True,
    ) -> list[Analysis]:
        """All of ``documents`` analysed in batches, each cached in one commit as it is
        made (a check stopped halfway keeps what it did), and a progress line moved
        (unless the caller draws its own)."""
        progress: Progress | None = None
        if self._progress is not None and show_progress:
            progress = self._progress("indexing the corpus", len(documents))
        nlp, key = self.pipeline.nlp, self.pipeline.key
        analyses: list[Analysis] = []
        try:
            for start in range(0, len(documents), DEFAULT_BATCH_SIZE):
                batch = documents[start : start + DEFAULT_BATCH_SIZE]
                fresh = analyse_many(nlp, batch, key, self.vocabulary)
                if cache is not None:
                    with cache.transaction():
                        for analysis in fresh:
                            cache.put(analysis)
                analyses.extend(fresh)
                if progress is not None:
                    progress.advance(len(batch), words=sum(map(word_count, batch)))
        finally:
            if progress is not None:
                progress.close()
        return analyses

    def _open_cache(self) -> AnalysisCache | None:
        if not self.config.cache_enabled:
            return None
        cache = AnalysisCache(
            self.config.cache_dir, key=cache_key(self.pipeline.key, self.vocabulary)
        )
        if cache.notice:
            print(f"factcheck: {cache.notice}", file=self._stderr)
        return cache

    # --- checking ---------------------------------------------------------------------

    def check_document(self, document: Document, *, date: dt.date | None = None) -> FileReport:
        """Check one draft; ``date`` overrides the draft's own (front matter) date."""
        # A check allocates in bursts: the collector walking the model's heap at each
        # burst cost a quarter of a check (see factcheck.collector). What the check
        # keeps for the next ones is then frozen, not walked by the next young
        # collection (see factcheck.frozen_heap).
        with collection_paused():
            report = self._check_document(document, date)
            freeze_survivors()
            return report

    def _check_document(self, document: Document, date: dt.date | None) -> FileReport:
        try:
            check_text_size(document.path, document.text)
        except InputError as error:
            return FileReport(
                path=document.path, findings=(_unreadable(document.path, error.problem),)
            )
        facts = self.facts if not self.uses_index else None
        draft_date = date or document.published
        if date is not None:
            document = dataclasses.replace(document, published=date)
        (analysis,) = analyse_many(
            self.pipeline.nlp, [document], self.pipeline.key, self.vocabulary
        )
        if facts is None:
            facts = self.facts_for(analysis)
        context = CheckContext(
            document=document,
            analysis=analysis,
            date=draft_date,
            corpus=facts,
            options=self.config.check_options(),
            codes=self.plugins.codes,
            severities=self._severities(),
        )
        findings, failures = self.plugins.run_checks(context)
        findings = [f for f in findings if self._wanted(f.code, document.path)]
        findings.extend(_failure_finding(PLUGIN_CRASHED.code, f) for f in failures)
        located = locate(document, findings)
        located = self._apply_suppressions(document, located)
        located.sort(key=lambda f: (f.line, f.column, f.code))
        return FileReport(path=document.path, findings=tuple(located), document=document)

    # --- the fact index: the corpus documents each draft needs, found by key ---------

    @property
    def uses_index(self) -> bool:
        """Whether checks take their facts from the documents the fact index selects.
        Not for a corpus given as texts (the Python API) or with the cache off: those
        build the whole corpus's facts in memory, as :attr:`facts` does."""
        return self.config.cache_enabled and not isinstance(self._corpus_source, Mapping)

    def facts_for(self, draft: Analysis) -> CorpusFacts:
        """The facts of the corpus documents the index selects for ``draft``: all of
        them, in corpus order, when there are at most ``retrieval-limit``."""
        store, synced = self.sync_index()
        selection = select_documents(
            store,
            draft,
            synced.indexed,
            limit=self.config.retrieval_limit,
            threshold=self.config.name_threshold,
            words=self.config.retrieval_words,
            positions=synced.positions,
        )
        if selection.whole_corpus and self._facts is not None:
            return self._facts  # already built for the whole corpus (the server does)
        facts = self._selected_facts.get(selection.documents)
        if facts is None:
            whole = None if selection.whole_corpus else len(synced.indexed)
            facts = self._facts_of(selection.documents, corpus_documents=whole)
            self._selected_facts.put(selection.documents, facts)
        return facts

    def forget_selections(self) -> None:
        """Drop what this engine keeps in memory between checks (the fact bases of
        recent selections and the documents' own facts): the next check reads its
        documents as a new story's would be. For benchmarks and long-lived servers."""
        self._selected_facts.clear()
        self._documents_kept.clear()

    def prepare(self, *, list_corpus: bool | None = None) -> None:
        """Load the corpus now rather than at the first check: the fact index brought
        in line (``list_corpus`` as for :meth:`sync_index`), or, without one, the
        whole corpus's facts built."""
        if self.uses_index:
            self.sync_index(list_corpus=list_corpus)
        else:
            _ = self.facts

    def reload_corpus(self) -> None:
        """Bring the engine in line with the corpus as it is on disk now (the server,
        when its files change). With the index, only new and changed files are read;
        what the engine keeps by content (the documents' own facts, the fact bases
        of selections) stays valid and is kept. If the corpus cannot be loaded, the
        error is raised and the engine keeps the corpus it had."""
        if not self.uses_index:
            kept_facts, self._facts = self._facts, None
            try:
                _ = self.facts
            except BaseException:
                self._facts = kept_facts
                raise
            return
        kept_index, self._index = self._index, None
        kept_paths, self._indexed_path_set = self._indexed_path_set, None
        try:
            self.sync_index(list_corpus=True)
        except BaseException:
            self._index, self._indexed_path_set = kept_index, kept_paths
            raise
        # Whole-corpus facts, if a caller built them, are of the old corpus.
        self._facts = None
        if kept_index is not None:
            kept_index[0].close()

    def corpus_size(self) -> int:
        """How many corpus documents the checks can draw on."""
        if self.uses_index:
            return len(self.sync_index()[1].indexed)
        return len(self.facts.documents)

    def corpus_document(self, name: str) -> Document | None:
        """The corpus document that evidence names ``name``, or None: only a
        document of the corpus, never another file, and read only when asked."""
        if not self.uses_index:
            return self.facts.documents.get(name)
        stored = self._indexed_paths().get(name)
        if stored is None:
            return None
        try:
            return self._load_corpus_file(Path(stored))
        except InputError:
            return None

    def _indexed_paths(self) -> dict[str, str]:
        """Each indexed document's stored (absolute) path by the name evidence gives
        it, :func:`display_path`'s, since that is the name a client asks for."""
        if self._indexed_path_set is None:
            self._indexed_path_set = {
                display_path(Path(path)): path for path, _ in self.sync_index()[1].indexed
            }
        return self._indexed_path_set

    def sync_index(self, *, list_corpus: bool | None = None) -> tuple[SqliteFactStore, SyncResult]:
        """The fact index, brought in line with the corpus once per engine: only new
        and changed files are read, their analyses from the cache or spaCy.

        With ``sync-on-check = false`` (``list_corpus`` None) or ``list_corpus``
        false, an index that has documents is taken as it is, without listing the
        corpus: a file changed since is still read as it is now when selected
        (:meth:`_facts_of`), but a new one is not seen until the next
        ``factcheck index``. ``factcheck index`` and the server always list."""
        if self._index is not None:
            return self._index
        self._require_corpus()
        patterns = self._corpus_patterns()
        store = self._open_index(self._index_patterns())
        listing = self.config.sync_on_check if list_corpus is None else list_corpus
        if not listing and (trusted := store.indexed()):
            self.corpus_load = CorpusLoad(documents=len(trusted), analysed=0, cached=0)
            self._index = (store, SyncResult(indexed=tuple(trusted)))
            return self._index
        files = list_files(patterns, Path.cwd())
        analysed = cached = 0

        def analyse(documents: Sequence[Document]) -> list[Analysis]:
            nonlocal analysed, cached
            # The sync draws one progress line for all its batches.
            analyses = self._analyses(documents, (), show_progress=False)
            if self.corpus_load is not None:
                analysed += self.corpus_load.analysed
                cached += self.corpus_load.cached
            return analyses

        start_progress = (
            None
            if self._progress is None
            else functools.partial(self._progress, "indexing the corpus")
        )
        synced = sync_index(
            store, files, load=self._load_corpus_file, analyse=analyse, progress=start_progress
        )
        self.corpus_load = CorpusLoad(
            documents=len(synced.indexed),
            analysed=analysed,
            cached=cached,
            unreadable=synced.unreadable,
        )
        self._say_corpus_problems()
        if not synced.indexed:
            store.close()
            raise InputError("corpus", "no readable corpus document")
        self._index = (store, synced)
        return self._index

    def _require_corpus(self) -> None:
        if not self._corpus_source:
            raise InputError(
                "corpus", "no corpus given: set 'corpus' in the configuration or pass --corpus"
            )

    def _corpus_patterns(self) -> list[str]:
        """The corpus folders, globs and files as given."""
        return [str(pattern) for pattern in self._corpus_source]

    def _index_patterns(self) -> list[str]:
        """The corpus patterns made absolute: what names the index file."""
        return [str(Path.cwd() / pattern) for pattern in self._corpus_patterns()]

    def _open_index(self, corpus: Sequence[str]) -> SqliteFactStore:
        path = index_path(
            self.config.cache_dir, cache_key(self.pipeline.key, self.vocabulary), corpus
        )
        try:
            return SqliteFactStore(path)
        except sqlite3.OperationalError as exc:
            problem = str(exc)  # locked beyond the timeout, read-only, no space: left alone
        except sqlite3.DatabaseError as exc:
            # Not a database: the index is derived data, rebuilt from the cache.
            for suffix in ("", "-wal", "-shm"):
                with contextlib.suppress(FileNotFoundError):
                    Path(f"{path}{suffix}").unlink()
            print(
                f"factcheck: fact index {path} was unreadable ({exc}); rebuilt", file=self._stderr
            )
            try:
                return SqliteFactStore(path)
            except sqlite3.DatabaseError as again:
                problem = str(again)
        except OSError as exc:
            problem = str(exc)
        # As with the analysis cache: an index is never the reason a check fails.
        print(
            f"factcheck: cannot open fact index {path}: {problem}; using one in memory",
            file=self._stderr,
        )
        return SqliteFactStore(":memory:")

    def _load_corpus_file(self, path: Path) -> Document:
        return load_document(path, display_path=display_path(path), encoding=self.config.encoding)

    def _facts_of(
        self, selected: Sequence[tuple[str, str]], *, corpus_documents: int | None
    ) -> CorpusFacts:
        """Facts from the selected documents only: each read from disk, so that the
        facts are those of its content now even if it changed since the sync, and
        its analysis taken from the cache by that content's SHA-256."""
        documents: list[Document] = []
        for path, _ in selected:
            try:
                documents.append(self._load_corpus_file(Path(path)))
            except InputError as error:
                # Gone or unreadable since the sync: the next run's sync drops it.
                print(f"factcheck: corpus file skipped: {error}", file=self._stderr)
        return CorpusFacts(
            self._document_facts(documents),
            name_threshold=self.config.name_threshold,
            corpus_documents=corpus_documents,
        )

    def _document_facts(self, documents: Sequence[Document]) -> list[DocumentFacts]:
        """Each corpus document's own facts: those read for a recent selection from
        memory, the others from their analyses (the cache, or spaCy), then kept."""
        keys = [(document.path, document.sha256) for document in documents]
        found = {key: facts for key in keys if (facts := self._documents_kept.get(key))}
        missing = [d for d, key in zip(documents, keys, strict=True) if key not in found]
        if missing:
            load = self.corpus_load
            analyses = self._analyses(missing, ())
            for document, facts in zip(missing, self._stored_facts(missing, analyses), strict=True):
                found[(document.path, document.sha256)] = facts
            self.corpus_load = load  # what the run loaded, not this selection
        for key in keys:
            self._documents_kept.put(key, found[key])
        return [found[key] for key in keys]

    def _stored_facts(
        self, documents: Sequence[Document], analyses: Sequence[Analysis]
    ) -> list[DocumentFacts]:
        """Each document's own facts as the cache stores them beside its analysis
        (factcheck.facts.stored_pieces), or read from the analysis now and stored
        for the next check that selects the document."""
        cache = self._open_cache()
        if cache is None:
            return [DocumentFacts(d, a) for d, a in zip(documents, analyses, strict=True)]
        key = cache.facts_key(facts_fingerprint())
        made: list[DocumentFacts] = []
        new_rows: list[tuple[str, bytes]] = []
        try:
            stored = cache.get_facts((document.sha256 for document in documents), key)
            for document, analysis in zip(documents, analyses, strict=True):
                data = stored.get(document.sha256)
                facts = None
                if data is not None:
                    # Stored by other code under the same key (a development
                    # checkout): read again, and stored anew.
                    with contextlib.suppress(ValueError):
                        facts = decode_pieces(data, document, analysis)
                if facts is None:
                    facts = DocumentFacts(document, analysis)
                    new_rows.append((document.sha256, encode_pieces(facts)))
                made.append(facts)
            cache.put_facts(new_rows, key)
        finally:
            cache.close()
        return made

    def check_paths(self, paths: Sequence[str], *, date: dt.date | None = None) -> Report:
        """Check drafts named on a command line; ``-`` is standard input."""
        files: list[FileReport] = []
        for item in paths:
            if item == "-":
                files.append(self.check_stdin(date=date))
                continue
            files.extend(
                self.check_file(path, date=date) for path in expand_paths([item], Path.cwd())
            )
        return self.report(files)

    def check_file(self, path: Path, *, date: dt.date | None = None) -> FileReport:
        """Check one draft file, named as the user would write it; unreadable is FC901."""
        display = display_path(path)
        read = partial(load_document, path, display_path=display, encoding=self.config.encoding)
        return self._check_or_report(display, read, date)

    def check_stdin(self, *, name: str = "-", date: dt.date | None = None) -> FileReport:
        """Check standard input as the draft ``name`` (``--stdin-filename``): per-file
        ignores match that name, the report names it, and its extension says its kind."""

        def read() -> Document:
            document = read_stdin(encoding=self.config.encoding)
            if name == "-":
                return document
            return document_from_text(name, document.text, encoding=document.encoding)

        return self._check_or_report(name, read, date)

    def _check_or_report(
        self, display: str, read: Callable[[], Document], date: dt.date | None
    ) -> FileReport:
        """Check a draft, or report why it could not be read (FC901) and go on."""
        try:
            document = read()
        except InputError as error:
            return FileReport(path=display, findings=(_unreadable(display, error.problem),))
        return self.check_document(document, date=date)

    def _apply_suppressions(self, document: Document, findings: list[Finding]) -> list[Finding]:
        """Drop the suppressed findings (with --no-ignore, mark them instead), and add
        the findings about the suppressions themselves: invalid (FC904), unused (FC905)."""
        suppressions = parse_suppressions(document, self.plugins.codes)
        applied = apply_suppressions(findings, suppressions)
        kept = applied.kept
        if self.no_ignore:
            kept += [dataclasses.replace(f, suppressed=True) for f in applied.suppressed]
        about = [
            self._suppression_finding(INVALID_SUPPRESSION, p.span, p.text, p.message)
            for p in suppressions.problems
        ]
        checkable = partial(self._checkable, document.path)
        about += [
            self._suppression_finding(
                UNUSED_SUPPRESSION, u.directive.span, u.directive.text, u.message
            )
            for u in applied.unused(checkable)
        ]
        return kept + locate(document, [f for f in about if self._wanted(f.code, document.path)])

    def _checkable(self, path: str, prefix: str) -> bool:
        """Whether this run looked for every code under ``prefix`` in ``path``. Only
        then is a suppression that silenced nothing known to be unused: "ignore FC1"
        under ``--select FC102`` may well silence an FC101 in a full run."""
        covered = [
            code
            for code in self.plugins.codes
            if code.startswith(prefix) and code not in SUPPRESSION_CODES
        ]
        return bool(covered) and all(self._wanted(code, path) for code in covered)

    def _suppression_finding(self, info: CodeInfo, span: Span, text: str, message: str) -> Finding:
        return Finding(
            code=info.code,
            category=info.category,
            severity=self.config.severity_for(info.code, info.severity),
            message=message,
            span=span,
            found=text,
        )

    def report(self, files: Iterable[FileReport]) -> Report:
        """Wrap file reports, adding one for plugins that failed to load.

        Corpus problems are not findings: a draft is not at fault for the
        archive, so they are said on stderr (see :meth:`_say_corpus_problems`).
        """
        all_files = list(files)
        load_failures = [
            _failure_finding(PLUGIN_LOAD_FAILED.code, f) for f in self.plugins.failures
        ]
        if load_failures:
            all_files.insert(0, FileReport(path="<plugins>", findings=tuple(load_failures)))
        return Report(files=tuple(all_files), codes=tuple(self.plugins.codes.values()))

    def _say_corpus_problems(self) -> None:
        """One stderr line per corpus file skipped, once per run: the facts it
        holds are missing from the run, but no draft fails for it."""
        if self.corpus_load is None:
            return
        for error in self.corpus_load.unreadable:
            line = f"factcheck: corpus file skipped: {error}"
            # `factcheck index` reads the corpus twice (the cache, then the fact
            # index): a file is said once.
            if line not in self._said_problems:
                self._said_problems.add(line)
                print(line, file=self._stderr)

    def _severities(self) -> dict[str, Severity]:
        """Every configured severity, even one equal to the default: a configured
        level also overrides the level a checker picks for one finding."""
        return {
            code: chosen
            for code in self.plugins.codes
            if (chosen := self.config.configured_severity(code)) is not None
        }

    def _wanted(self, code: str, path: str) -> bool:
        return self.config.is_selected(code) and not self.config.ignored_for_path(code, path)


def locate(document: Document, findings: Iterable[Finding]) -> list[Finding]:
    """Fill in path, line and column from each finding's span."""
    lines = LineIndex(document.text)
    located = []
    for finding in findings:
        line, column = lines.position(finding.span.start)
        end_line, end_column = lines.position(finding.span.end)
        located.append(
            dataclasses.replace(
                finding,
                path=document.path,
                line=line,
                column=column,
                end_line=end_line,
                end_column=end_column,
            )
        )
    return located


def _unreadable(path: str, problem: str) -> Finding:
    return Finding(
        code=UNREADABLE_FILE.code,
        category=UNREADABLE_FILE.category,
        severity=UNREADABLE_FILE.severity,
        message=problem,
        span=Span(0, 0),
        found="",
        path=path,
        line=1,
        column=1,
        end_line=1,
        end_column=1,
    )


def _failure_finding(code: str, failure: PluginFailure) -> Finding:
    info = PLUGIN_LOAD_FAILED if code == PLUGIN_LOAD_FAILED.code else PLUGIN_CRASHED
    return Finding(
        code=code,
        category=info.category,
        severity=info.severity,
        message=f"plugin '{failure.plugin}' ({failure.origin}): {failure.message}",
        span=Span(0, 0),
        found="",
        path=f"<plugin {failure.plugin}>",
        line=1,
        column=1,
        end_line=1,
        end_column=1,
    )


def _given_documents(source: Mapping[str, str]) -> Iterator[Document | InputError]:
    for name, text in source.items():
        try:
            check_text_size(name, text)
        except InputError as error:
            yield error
            continue
        yield document_from_text(name, text)


def display_path(path: Path) -> str:
    """A path as the user would write it: relative to the working folder when inside it."""
    try:
        return path.absolute().relative_to(Path.cwd()).as_posix()
    except ValueError:
        return path.as_posix()
