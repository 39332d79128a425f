"""The FC9xx codes: problems of the run itself rather than of the draft."""

from __future__ import annotations

from factcheck.model import Category, CodeInfo, Severity

UNREADABLE_FILE = CodeInfo(
    code="FC901",
    name="unreadable-file",
    category=Category.ENGINE,
    severity=Severity.ERROR,
    summary="A draft could not be read (missing, binary, not text, too large).",
)
PLUGIN_LOAD_FAILED = CodeInfo(
    code="FC902",
    name="plugin-load-failed",
    category=Category.ENGINE,
    severity=Severity.WARNING,
    summary=(
        "A plugin could not be imported or registered, or declared unusable codes; "
        "the run went on without it."
    ),
)
PLUGIN_CRASHED = CodeInfo(
    code="FC903",
    name="plugin-crashed",
    category=Category.ENGINE,
    severity=Severity.WARNING,
    summary=(
        "A plugin raised or exited while checking a draft, overran its time limit, "
        "or returned an invalid finding."
    ),
)

INVALID_SUPPRESSION = CodeInfo(
    code="FC904",
    name="invalid-suppression",
    category=Category.ENGINE,
    severity=Severity.WARNING,
    summary="A suppression names a code no plugin declares, or an unknown directive.",
)
UNUSED_SUPPRESSION = CodeInfo(
    code="FC905",
    name="unused-suppression",
    category=Category.ENGINE,
    severity=Severity.INFO,
    summary="A suppression silences no finding.",
)

ENGINE_CODES: tuple[CodeInfo, ...] = (
    UNREADABLE_FILE,
    PLUGIN_LOAD_FAILED,
    PLUGIN_CRASHED,
    INVALID_SUPPRESSION,
    UNUSED_SUPPRESSION,
)
# Findings about suppressions: made after the suppressions are applied, so no
# directive silences them (configuration does).
SUPPRESSION_CODES = frozenset({INVALID_SUPPRESSION.code, UNUSED_SUPPRESSION.code})
