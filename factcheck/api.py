"""The Python API: check text from another program.

``check_text`` is the one-call form. :class:`Checker` loads the pipeline, the
corpus and the plugins once and checks many drafts: use it in servers and
batch jobs.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping, Sequence
from pathlib import Path

from factcheck.config import Config, config_from_mapping
from factcheck.documents import document_from_text, load_document
from factcheck.engine import Engine
from factcheck.model import Report

CorpusArgument = Mapping[str, str] | Sequence[str | os.PathLike[str]]


def _config(config: Config | Mapping[str, object] | None) -> Config:
    if isinstance(config, Config):
        return config
    # The API does not read configuration files: what it is given is the whole of it.
    return config_from_mapping(dict(config or {}), source=None, root=Path.cwd())


class Checker:
    """Checks drafts against one corpus; the corpus is read and analysed once."""

    def __init__(
        self,
        corpus: CorpusArgument,
        *,
        config: Config | Mapping[str, object] | None = None,
        plugins: Sequence[object] = (),
    ) -> None:
        source: Mapping[str, str] | Sequence[str]
        if isinstance(corpus, Mapping):
            source = dict(corpus)
        elif isinstance(corpus, (str, os.PathLike)):
            source = [os.fspath(corpus)]
        else:
            source = [os.fspath(p) for p in corpus]
        self.engine = Engine(_config(config), corpus=source, plugins=plugins)

    def check_text(
        self, text: str, *, path: str = "<draft>", date: dt.date | None = None
    ) -> Report:
        """Check ``text``; ``path`` names it in findings and picks its kind (.md, .html)."""
        document = document_from_text(path, text)
        return self.engine.report([self.engine.check_document(document, date=date)])

    def check_file(self, path: str | os.PathLike[str], *, date: dt.date | None = None) -> Report:
        document = load_document(
            path, display_path=os.fspath(path), encoding=self.engine.config.encoding
        )
        return self.engine.report([self.engine.check_document(document, date=date)])


def check_text(
    text: str,
    *,
    corpus: CorpusArgument,
    path: str = "<draft>",
    date: dt.date | None = None,
    config: Config | Mapping[str, object] | None = None,
) -> Report:
    """Check one draft against ``corpus`` (a mapping of name to text, or paths)."""
    return Checker(corpus, config=config).check_text(text, path=path, date=date)
