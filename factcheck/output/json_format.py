"""``--format json`` (one document with a summary) and the shared finding record."""

from __future__ import annotations

import json

from factcheck.model import Evidence, Finding, Report
from factcheck.output.common import Tally
from factcheck.output.safe import json_safe

# Bumped only when a key is removed or changes meaning; new keys may appear freely.
JSON_VERSION = 1


def evidence_to_dict(evidence: Evidence) -> dict[str, object]:
    return {
        "source": evidence.source,
        "line": evidence.line,
        "quote": evidence.quote,
        "support": evidence.support,
    }


def finding_to_dict(f: Finding) -> dict[str, object]:
    """A finding as plain JSON data: what ``json``, ``jsonl`` and the Python API emit."""
    return {
        "path": f.path,
        "line": f.line,
        "column": f.column,
        "end_line": f.end_line,
        "end_column": f.end_column,
        "code": f.code,
        "category": f.category.value,
        "severity": f.severity.value,
        "message": f.message,
        "found": f.found,
        "expected": f.expected,
        "fix": f.fix,
        "safe_fix": f.safe_fix,
        "evidence": [evidence_to_dict(e) for e in f.evidence],
        "suppressed": f.suppressed,
    }


def summary_to_dict(report: Report) -> dict[str, object]:
    tally = Tally.of(report)
    return {
        "files": tally.files,
        "findings": tally.findings,
        "errors": tally.errors,
        "warnings": tally.warnings,
        "infos": tally.infos,
    }


def render_json(report: Report) -> str:
    document = {
        "version": JSON_VERSION,
        "findings": [finding_to_dict(f) for f in report.findings],
        "summary": summary_to_dict(report),
    }
    return json_safe(json.dumps(document, indent=2, ensure_ascii=False)) + "\n"
