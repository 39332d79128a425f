from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from lsprotocol import types

from factcheck.lsp.diagnostics import code_page, to_diagnostic
from factcheck.lsp.positions import PositionMap
from factcheck.model import Category, Evidence, Finding, Severity, Span
from tests.conftest import SEED_FILES

FINDING = Finding(
    code="FC101",
    category=Category.NAME,
    severity=Severity.ERROR,
    message="misspelt",
    span=Span(2, 5),
    found="abc",
)


@pytest.mark.parametrize(
    ("severity", "expected"),
    [
        (Severity.ERROR, types.DiagnosticSeverity.Error),
        (Severity.WARNING, types.DiagnosticSeverity.Warning),
        (Severity.INFO, types.DiagnosticSeverity.Information),
    ],
)
def test_severities_map_to_lsp(severity: Severity, expected: types.DiagnosticSeverity) -> None:
    finding = dataclasses.replace(FINDING, severity=severity)
    assert to_diagnostic(finding, PositionMap("x abc")).severity == expected


def test_a_diagnostic_has_code_source_message_range_and_docs() -> None:
    diagnostic = to_diagnostic(FINDING, PositionMap("x abc"))
    assert (diagnostic.code, diagnostic.source, diagnostic.message) == (
        "FC101",
        "factcheck",
        "misspelt",
    )
    assert diagnostic.range == types.Range(
        start=types.Position(line=0, character=2), end=types.Position(line=0, character=5)
    )
    assert diagnostic.code_description is not None
    assert Path(diagnostic.code_description.href.removeprefix("file://")).is_file()


def test_a_code_without_a_page_has_no_link() -> None:
    assert code_page("XY999") is None
    finding = dataclasses.replace(FINDING, code="XY999")
    assert to_diagnostic(finding, PositionMap("x abc")).code_description is None


def test_evidence_points_at_the_corpus_line() -> None:
    corpus_file = SEED_FILES[0]
    evidence = Evidence(str(corpus_file), 3, "The sentence.", 1)
    diagnostic = to_diagnostic(
        dataclasses.replace(FINDING, evidence=(evidence,)), PositionMap("x abc")
    )
    assert diagnostic.related_information is not None
    (related,) = diagnostic.related_information
    assert related.location.uri == corpus_file.as_uri()
    assert related.location.range.start == types.Position(line=2, character=0)
    assert related.message == "“The sentence.” (stated in 1 corpus document)"


def test_evidence_from_a_corpus_in_memory_has_no_location() -> None:
    evidence = Evidence("<memory article>", 1, "The sentence.", 1)
    diagnostic = to_diagnostic(
        dataclasses.replace(FINDING, evidence=(evidence,)), PositionMap("x abc")
    )
    assert diagnostic.related_information is None


def test_an_unused_suppression_is_tagged_unnecessary() -> None:
    unused = dataclasses.replace(FINDING, code="FC905", severity=Severity.INFO)
    assert to_diagnostic(unused, PositionMap("x abc")).tags == [types.DiagnosticTag.Unnecessary]
    assert to_diagnostic(FINDING, PositionMap("x abc")).tags is None
