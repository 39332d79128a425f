"""Code actions: a finding's fix as a quick fix, and a suppression comment.

A fix replaces the finding's span with the corpus value; it is the preferred
action only when the code's fix is safe (what ``--fix`` would apply). A fix is
offered only while the span still holds the text the finding was made on, so
a stale finding never edits the wrong words.

The suppression goes at the end of the finding's first line (the line a
suppression counts by): ``<!-- factcheck: ignore CODE -->`` in Markdown and
HTML, ``factcheck: ignore CODE`` in plain text, where a directive already
ending the line gets the code added instead, since a second directive after
it would turn both into prose.
"""

from __future__ import annotations

from collections.abc import Sequence

from lsprotocol import types

from factcheck.engine_codes import SUPPRESSION_CODES
from factcheck.lsp.checking import CheckedDocument
from factcheck.lsp.diagnostics import to_diagnostic
from factcheck.lsp.positions import PositionMap
from factcheck.model import Finding
from factcheck.suppress import parse_suppressions


def _edit(
    uri: str, version: int | None, edits: list[types.TextEdit], versioned: bool
) -> types.WorkspaceEdit:
    if versioned:
        # The client refuses the edit if the document changed since this version.
        document = types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=version)
        return types.WorkspaceEdit(
            document_changes=[types.TextDocumentEdit(text_document=document, edits=list(edits))]
        )
    return types.WorkspaceEdit(changes={uri: edits})


def fix_action(
    checked: CheckedDocument, finding: Finding, positions: PositionMap, *, versioned: bool
) -> types.CodeAction | None:
    span, text = finding.span, checked.document.text
    if finding.fix is None or text[span.start : span.end] != finding.found:
        return None
    edit = types.TextEdit(range=positions.range(span.start, span.end), new_text=finding.fix)
    return types.CodeAction(
        title=f"Replace '{_one_line(finding.found)}' with '{finding.fix}' ({finding.code})",
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[to_diagnostic(finding, positions)],
        is_preferred=finding.safe_fix,
        edit=_edit(checked.uri, checked.version, [edit], versioned),
    )


def suppression_text(checked: CheckedDocument, finding: Finding, line_end: int) -> str:
    """What to insert at ``line_end`` (the end of the finding's first line)."""
    document = checked.document
    if document.kind != "txt":
        return f" <!-- factcheck: ignore {finding.code} -->"
    directives = parse_suppressions(document).directives
    ending_here = [
        d
        for d in directives
        if d.word == "ignore" and d.line == finding.line and d.span.end >= line_end
    ]
    return f" {finding.code}" if ending_here else f" factcheck: ignore {finding.code}"


def suppress_action(
    checked: CheckedDocument, finding: Finding, positions: PositionMap, *, versioned: bool
) -> types.CodeAction | None:
    # A suppression cannot silence a finding about suppressions: the engine
    # reports those after applying them.
    if finding.code in SUPPRESSION_CODES or finding.line < 1:
        return None
    text = checked.document.text
    line_end = positions.line_end(positions.position(finding.span.start).line)
    # Before trailing blanks: in Markdown two trailing spaces are a line break.
    while line_end > 0 and text[line_end - 1] in " \t":
        line_end -= 1
    insertion = positions.range(line_end, line_end)
    edit = types.TextEdit(range=insertion, new_text=suppression_text(checked, finding, line_end))
    return types.CodeAction(
        title=f"Suppress {finding.code} on this line with a comment",
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[to_diagnostic(finding, positions)],
        is_preferred=False,
        edit=_edit(checked.uri, checked.version, [edit], versioned),
    )


def findings_in(
    findings: Sequence[Finding], positions: PositionMap, selection: types.Range
) -> list[Finding]:
    """The findings whose span touches ``selection`` (a cursor touches what it is in)."""
    start, end = positions.offset(selection.start), positions.offset(selection.end)
    return [f for f in findings if f.span.start <= end and start <= f.span.end]


def code_actions(
    checked: CheckedDocument,
    positions: PositionMap,
    selection: types.Range,
    *,
    versioned: bool = False,
) -> list[types.CodeAction]:
    actions: list[types.CodeAction] = []
    for finding in findings_in(checked.findings, positions, selection):
        fix = fix_action(checked, finding, positions, versioned=versioned)
        suppress = suppress_action(checked, finding, positions, versioned=versioned)
        actions.extend(action for action in (fix, suppress) if action is not None)
    return actions


def _one_line(text: str) -> str:
    return " ".join(text.split())
