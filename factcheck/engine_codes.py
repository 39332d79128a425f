"""The FC9xx codes: problems of the run itself rather than of the draft."""

from __future__ import annotations

from factcheck.model import Category, CodeInfo, Severity

UNREADABLE_FILE = CodeInfo(
    code="FC901",
    name="unreadable-file",
    category=Category.ENGINE,
    severity=Severity.ERROR,
    summary="A draft or corpus file could not be read (missing, binary, not text, too large).",
)
PLUGIN_LOAD_FAILED = CodeInfo(
    code="FC902",
    name="plugin-load-failed",
    category=Category.ENGINE,
    severity=Severity.WARNING,
    summary="A plugin could not be imported or registered; the run went on without it.",
)
PLUGIN_CRASHED = CodeInfo(
    code="FC903",
    name="plugin-crashed",
    category=Category.ENGINE,
    severity=Severity.WARNING,
    summary="A plugin raised while checking a draft, or returned an undeclared code.",
)

ENGINE_CODES: tuple[CodeInfo, ...] = (UNREADABLE_FILE, PLUGIN_LOAD_FAILED, PLUGIN_CRASHED)
