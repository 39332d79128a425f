"""Tests for the example plugin, run through factcheck's engine as in a real check.

The plugin is handed to the engine directly (``plugins=[...]``), so these
tests work from a checkout without installing the package; the corpus is a
small in-memory one, so they need no corpus files either.
"""

from __future__ import annotations

from pathlib import Path

import factcheck_example_plugin as plugin
import pytest

from factcheck.config import config_from_mapping
from factcheck.documents import document_from_text
from factcheck.engine import Engine
from factcheck.model import Finding
from factcheck.plugins import load_plugins

CORPUS = {"corpus/visit.txt": "Vyacheslav Volodin arrived in Beijing on Tuesday for talks.\n"}


@pytest.fixture(scope="module")
def engine() -> Engine:
    config = config_from_mapping(
        # When the package is installed too, its entry point would register the
        # same module a second time: disable it here.
        {"cache": False, "disable-plugins": ["outdated-names"]},
        source=None,
        root=Path.cwd(),
    )
    return Engine(config, corpus=CORPUS, plugins=[plugin])


def ex101(engine: Engine, text: str) -> list[Finding]:
    report = engine.check_document(document_from_text("draft.md", text))
    return [f for f in report.findings if f.code == "EX101"]


def test_declares_its_code() -> None:
    config = config_from_mapping({}, source=None, root=Path.cwd())
    plugin_set = load_plugins(config, include_entry_points=False, extra=[plugin])
    assert plugin_set.codes["EX101"] is plugin.OUTDATED_PLACE_NAME
    assert plugin_set.failures == []


def test_flags_an_outdated_name_with_its_fix(engine: Engine) -> None:
    (finding,) = ex101(engine, "The delegation flew to Peking on Monday.\n")
    assert (finding.found, finding.fix, finding.safe_fix) == ("Peking", "Beijing", True)
    assert (finding.line, finding.column) == (1, 24)
    # The corpus writes "Beijing": it is cited as the evidence.
    assert [e.source for e in finding.evidence] == ["corpus/visit.txt"]


def test_leaves_institutions_that_kept_the_old_name(engine: Engine) -> None:
    assert ex101(engine, "She studied at Peking University in the 1990s.\n") == []


def test_reads_prose_only(engine: Engine) -> None:
    draft = "---\ntitle: Peking then and now\n---\n\n```\nPeking\n```\n\nBeijing today.\n"
    assert ex101(engine, draft) == []
