"""``--format sarif``: SARIF 2.1.0 as GitHub code scanning accepts it.

See https://docs.oasis-open.org/sarif/sarif/v2.1.0/ and GitHub's notes at
https://docs.github.com/code-security/code-scanning/integrating-with-code-scanning/sarif-support-for-code-scanning
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path, PurePath, PurePosixPath, PureWindowsPath
from urllib.parse import quote

from factcheck.model import CodeInfo, Evidence, FileReport, Finding, Report, Severity
from factcheck.output.common import finding_path, located_findings
from factcheck.output.safe import json_safe

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SRCROOT = "%SRCROOT%"
FINGERPRINT_KEY = "primaryLocationLineHash/v1"

_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}

JsonObject = dict[str, object]


def artifact_uri(path: str) -> str:
    """A relative, percent-encoded URI with forward slashes, as SARIF wants."""
    pure: PurePath = PureWindowsPath(path) if "\\" in path else PurePosixPath(path)
    posix = pure.as_posix().removeprefix("./")
    return quote(posix, safe="/")


def _artifact(path: str) -> JsonObject:
    if Path(path).is_absolute():
        # Code scanning resolves uris against the checkout: make ours relative
        # to the working folder, or give an absolute file: URI with no base.
        try:
            path = str(Path(path).relative_to(Path.cwd()))
        except ValueError:
            return {"uri": Path(path).as_uri()}
    return {"uri": artifact_uri(path), "uriBaseId": SRCROOT}


def rule_for(info: CodeInfo) -> JsonObject:
    fix_note = " A safe fix is available." if info.safe_fix else ""
    command = f"factcheck rule {info.code}"
    return {
        "id": info.code,
        "name": info.name,
        "shortDescription": {"text": info.summary},
        "fullDescription": {"text": f"{info.summary}{fix_note} Category: {info.category.value}."},
        # No helpUri: SARIF wants an absolute URI, and the project has no
        # published home yet; the page ships with the package, and the help
        # text says the command that prints it.
        "help": {
            "text": f"{info.summary} Run '{command}' for the code's page.",
            "markdown": f"{info.summary} Run `{command}` for the code's page.",
        },
        "defaultConfiguration": {"level": _LEVELS[info.severity]},
        "properties": {"tags": ["factcheck", info.category.value]},
    }


def _stand_in_info(finding: Finding) -> CodeInfo:
    """A rule for a code the report does not declare, so that ``ruleIndex`` stays valid."""
    return CodeInfo(
        code=finding.code,
        name=finding.code.lower(),
        category=finding.category,
        severity=finding.severity,
        summary=f"Findings of code {finding.code}.",
    )


def line_fingerprint(finding: Finding, line_text: str, occurrence: int) -> str:
    """Stable across runs while the line's words stay: no offsets, no line number."""
    key = "\0".join((finding.code, finding.found, line_text.strip(), str(occurrence)))
    # surrogatepass: text from the Python API may hold a lone surrogate.
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def _region(finding: Finding, snippet: str) -> JsonObject:
    return {
        "startLine": finding.line,
        "startColumn": finding.column,
        "endLine": finding.end_line,
        "endColumn": finding.end_column,
        "snippet": {"text": snippet},
    }


def _related(index: int, evidence: Evidence) -> JsonObject:
    return {
        "id": index,
        "physicalLocation": {
            "artifactLocation": _artifact(evidence.source),
            "region": {"startLine": max(1, evidence.line)},
        },
        "message": {"text": evidence.quote},
    }


def _result(file: FileReport, finding: Finding, rule_index: int, fingerprint: str) -> JsonObject:
    artifact = _artifact(finding_path(file, finding))
    region = _region(finding, finding.found)
    result: JsonObject = {
        "ruleId": finding.code,
        "ruleIndex": rule_index,
        "level": _LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [{"physicalLocation": {"artifactLocation": artifact, "region": region}}],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
        "properties": {
            "category": finding.category.value,
            "found": finding.found,
            "expected": finding.expected,
        },
    }
    if finding.suppressed:
        # SARIF's own place for it: code scanning shows the alert as dismissed.
        result["suppressions"] = [{"kind": "inSource"}]
    if finding.evidence:
        result["relatedLocations"] = [_related(i, e) for i, e in enumerate(finding.evidence, 1)]
    if finding.fix is not None:
        replacement = {"deletedRegion": region, "insertedContent": {"text": finding.fix}}
        result["fixes"] = [
            {
                "description": {"text": f"Replace {finding.found!r} with {finding.fix!r}"},
                "artifactChanges": [{"artifactLocation": artifact, "replacements": [replacement]}],
            }
        ]
    return result


def build_sarif(report: Report, tool_version: str | None = None) -> JsonObject:
    """The SARIF log as plain data (the tests inspect it without re-parsing)."""
    if tool_version is None:
        # Imported here: the package may one day import the formatters itself.
        from factcheck import __version__ as tool_version
    infos = list(report.codes)
    known = {info.code for info in infos}
    for finding in report.findings:
        if finding.code not in known:
            infos.append(_stand_in_info(finding))
            known.add(finding.code)
    rule_index = {info.code: i for i, info in enumerate(infos)}

    results: list[JsonObject] = []
    # The same words flagged twice on identical lines are told apart by their order.
    occurrences: Counter[tuple[str, str, str, str]] = Counter()
    for file, lines, finding in located_findings(report):
        line_text = (lines.line(finding.line) or "").strip()
        key = (finding_path(file, finding), finding.code, finding.found, line_text)
        fingerprint = line_fingerprint(finding, line_text, occurrences[key])
        occurrences[key] += 1
        results.append(_result(file, finding, rule_index[finding.code], fingerprint))

    driver = {
        "name": "factcheck",
        "version": tool_version,
        "rules": [rule_for(info) for info in infos],
    }
    # Our columns count Unicode code points, not SARIF's default UTF-16 units.
    run = {"tool": {"driver": driver}, "columnKind": "unicodeCodePoints", "results": results}
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def render_sarif(report: Report, tool_version: str | None = None) -> str:
    dumped = json.dumps(build_sarif(report, tool_version), indent=2, ensure_ascii=False)
    return json_safe(dumped) + "\n"
