"""The engine behind the server: configured from the workspace root, built once.

Building the engine loads spaCy and the corpus: seconds. It happens on the
first check, in the server's worker thread, and the engine is kept for every
later check. A configuration that cannot be read is raised each time (the
server tells the editor), so that fixing the file and editing the draft again
is enough to recover.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from factcheck.config import Config, load_config
from factcheck.documents import document_from_text, kind_for_path
from factcheck.engine import Engine
from factcheck.model import Document, Finding
from factcheck.sources import TEXT_SUFFIXES

# Editors' language ids for the kinds factcheck reads; the file name decides first.
LANGUAGE_KINDS = {"markdown": "md", "html": "html", "plaintext": "txt", "text": "txt"}


@dataclass(frozen=True)
class CheckedDocument:
    """One check of one version of a draft: what the findings' spans point into."""

    uri: str
    version: int | None
    document: Document
    findings: tuple[Finding, ...]


def draft_kind(path: str, language_id: str | None) -> str | None:
    """The kind to read a draft as, or None when it is not a draft factcheck reads."""
    if os.path.splitext(path)[1].lower() in TEXT_SUFFIXES:
        return kind_for_path(path)
    return LANGUAGE_KINDS.get(language_id or "")


class Checks:
    """Checks drafts with one engine, configured from ``root``."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._engine: Engine | None = None

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            self._engine = Engine(self._config())
        return self._engine

    def _config(self) -> Config:
        return load_config(start=self.root)

    def draft_path(self, path: Path) -> str:
        """The draft's name as the CLI run from the configuration's folder gives it,
        so that per-file settings match; the absolute path when it is outside."""
        root = self.engine.config.root
        for candidate, base in ((path, root), (path.resolve(), root.resolve())):
            try:
                return candidate.relative_to(base).as_posix()
            except ValueError:
                continue
        return path.as_posix()

    def plugin_problems(self) -> list[str]:
        """The plugins that could not be loaded (FC902 in ``factcheck check``): the
        editor hears of them as warnings, not as findings in every draft."""
        return [
            f"factcheck: plugin {failure.plugin} ({failure.origin}) not loaded: {failure.message}"
            for failure in self.engine.plugins.failures
        ]

    def check(
        self, uri: str, version: int | None, path: Path, text: str, kind: str
    ) -> CheckedDocument:
        document = document_from_text(self.draft_path(path), text, kind=kind)
        report = self.engine.check_document(document)
        return CheckedDocument(uri, version, document, report.findings)
