"""Findings as LSP diagnostics: code, docs link, severity, range and evidence.

The corpus evidence becomes ``relatedInformation``: one location per passage,
in the corpus file, with the sentence and how many corpus documents agree, so
that an editor can jump from a finding to the article that backs it.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from pathlib import Path

from lsprotocol import types

from factcheck.code_pages import code_page_file
from factcheck.engine_codes import UNUSED_SUPPRESSION
from factcheck.lsp.positions import PositionMap
from factcheck.model import Evidence, Finding, Severity

SOURCE = "factcheck"

_SEVERITIES = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}


@cache
def code_page(code: str) -> str | None:
    """The file URI of ``code``'s page, shipped with the package (a plugin's code
    may have none: then no link is given)."""
    page = code_page_file(code)
    return page.resolve().as_uri() if page is not None else None


def evidence_location(evidence: Evidence) -> types.Location | None:
    """The corpus line that states the fact, or None when the source is no file
    (a corpus given in memory through the API)."""
    # The engine names corpus files relative to this process's working folder.
    path = Path(evidence.source).absolute()
    if not path.is_file():
        return None
    line = max(evidence.line - 1, 0)
    whole_line = types.Range(
        start=types.Position(line=line, character=0),
        end=types.Position(line=line + 1, character=0),
    )
    return types.Location(uri=path.as_uri(), range=whole_line)


def evidence_message(evidence: Evidence) -> str:
    documents = "document" if evidence.support == 1 else "documents"
    return f"“{evidence.quote}” (stated in {evidence.support} corpus {documents})"


def related_information(finding: Finding) -> list[types.DiagnosticRelatedInformation]:
    related = []
    for evidence in finding.evidence:
        location = evidence_location(evidence)
        if location is not None:
            related.append(
                types.DiagnosticRelatedInformation(
                    location=location, message=evidence_message(evidence)
                )
            )
    return related


def to_diagnostic(finding: Finding, positions: PositionMap) -> types.Diagnostic:
    page = code_page(finding.code)
    return types.Diagnostic(
        range=positions.range(finding.span.start, finding.span.end),
        severity=_SEVERITIES[finding.severity],
        code=finding.code,
        code_description=types.CodeDescription(href=page) if page else None,
        source=SOURCE,
        message=finding.message,
        related_information=related_information(finding) or None,
        # Editors fade an unused suppression out, as they do unused code.
        tags=[types.DiagnosticTag.Unnecessary] if finding.code == UNUSED_SUPPRESSION.code else None,
    )


def to_diagnostics(findings: Iterable[Finding], positions: PositionMap) -> list[types.Diagnostic]:
    return [to_diagnostic(finding, positions) for finding in findings]
