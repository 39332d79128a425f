"""Hand-built findings and reports shared by the tests of factcheck.output."""

from __future__ import annotations

import dataclasses

from factcheck.model import (
    Category,
    CodeInfo,
    Document,
    Evidence,
    FileReport,
    Finding,
    Report,
    Severity,
    Span,
)
from factcheck.positions import LineIndex

DRAFT_PATH = "drafts/visit.md"
DRAFT = (
    "# Visit\n"
    "Foreign minister Sergei Lavrow met the delegation on Tuesday.\n"
    "It was the 9th meeting of the committee.\n"
)

NAME_CODE = CodeInfo(
    code="FC101",
    name="misspelt-person-name",
    category=Category.NAME,
    severity=Severity.ERROR,
    summary="A person's name is spelt differently from the corpus.",
    safe_fix=True,
)
COUNT_CODE = CodeInfo(
    code="FC401",
    name="wrong-ordinal",
    category=Category.COUNT,
    severity=Severity.WARNING,
    summary="An ordinal disagrees with the corpus.",
)


def located(text: str, finding: Finding, path: str = DRAFT_PATH) -> Finding:
    """Fill in path, line and columns from the span, as the engine does."""
    index = LineIndex(text)
    line, column = index.position(finding.span.start)
    end_line, end_column = index.position(finding.span.end)
    return dataclasses.replace(
        finding,
        path=path,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
    )


def finding_for(
    text: str,
    found: str,
    *,
    code: str = "FC101",
    severity: Severity = Severity.ERROR,
    category: Category = Category.NAME,
    message: str | None = None,
    expected: str | None = None,
    fix: str | None = None,
    evidence: tuple[Evidence, ...] = (),
    safe_fix: bool = False,
    path: str = DRAFT_PATH,
) -> Finding:
    """A located finding on the first occurrence of ``found`` in ``text``."""
    start = text.index(found)
    finding = Finding(
        code=code,
        category=category,
        severity=severity,
        message=message or f"{found!r} is not what the corpus says",
        span=Span(start, start + len(found)),
        found=found,
        expected=expected,
        fix=fix,
        evidence=evidence,
        safe_fix=safe_fix,
    )
    return located(text, finding, path)


def name_finding() -> Finding:
    return finding_for(
        DRAFT,
        "Sergei Lavrow",
        message="'Sergei Lavrow' is spelt 'Sergei Lavrov' in the corpus",
        expected="Sergei Lavrov",
        fix="Sergei Lavrov",
        safe_fix=True,
        evidence=(
            Evidence("corpus/a.md", 4, "Foreign Minister Sergei Lavrov said on Monday.", 12),
        ),
    )


def count_finding() -> Finding:
    return finding_for(
        DRAFT,
        "9th",
        code="FC401",
        severity=Severity.WARNING,
        category=Category.COUNT,
        message="the corpus counts this as the 10th meeting",
        expected="10th",
    )


def sample_report() -> Report:
    document = Document(DRAFT_PATH, DRAFT, prose=DRAFT, kind="md")
    file = FileReport(DRAFT_PATH, (name_finding(), count_finding()), document)
    return Report(files=(file,), codes=(NAME_CODE, COUNT_CODE))


def empty_report(files: int = 2) -> Report:
    return Report(files=tuple(FileReport(f"d{i}.md", ()) for i in range(files)))
