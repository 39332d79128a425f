"""What a checker receives: the draft, the corpus facts and the options."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from factcheck.model import Analysis, CodeInfo, Document, Evidence, Finding, Severity, Span

if TYPE_CHECKING:
    from factcheck.facts.corpus import CorpusFacts


__all__ = ["CheckContext", "CheckOptions"]


@dataclass(frozen=True)
class CheckOptions:
    """Checker settings taken from the configuration."""

    name_threshold: float = 85.0  # rapidfuzz ratio (0-100) above which a name is "close"
    accepted_spellings: frozenset[str] = frozenset()  # house style: never flagged
    # House knowledge, organisation -> parent: related bodies are named as such.
    organisation_parents: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class CheckContext:
    """One draft to check, and everything a checker may compare it with."""

    document: Document
    analysis: Analysis
    date: dt.date | None  # the draft's date: --date, else front matter, else None
    corpus: CorpusFacts
    options: CheckOptions = CheckOptions()
    codes: Mapping[str, CodeInfo] = field(default_factory=dict)
    severities: Mapping[str, Severity] = field(default_factory=dict)  # configured overrides

    def text(self, span: Span) -> str:
        return self.document.text[span.start : span.end]

    def finding(
        self,
        code: str,
        span: Span,
        message: str,
        *,
        expected: str | None = None,
        fix: str | None = None,
        evidence: tuple[Evidence, ...] = (),
        severity: Severity | None = None,
        safe: bool = True,
    ) -> Finding:
        """Build a finding for a declared code; ``found`` is the draft's text at ``span``.

        The fix is safe (``--fix`` applies it) when the code declares its fixes
        safe and ``safe`` is not turned off for this one finding.
        """
        info = self.codes[code]
        chosen = self.severities.get(code) or severity or info.severity
        return Finding(
            code=code,
            category=info.category,
            severity=chosen,
            message=message,
            span=span,
            found=self.text(span),
            expected=expected,
            fix=fix,
            evidence=evidence,
            safe_fix=info.safe_fix and safe and fix is not None,
        )
