"""Quick fixes and suppression comments, checked again with the engine (both pipelines)."""

from __future__ import annotations

import pytest
from lsprotocol import types

from factcheck.documents import document_from_text
from factcheck.engine import Engine
from factcheck.lsp.actions import code_actions
from factcheck.lsp.checking import CheckedDocument
from factcheck.lsp.positions import PositionMap

URI = "file:///drafts/draft"
MISSPELT = "His guest was Yacheslav Volodin, chairman of the Russian State Duma."


def check(engine: Engine, path: str, text: str) -> CheckedDocument:
    document = document_from_text(path, text)
    return CheckedDocument(URI, 1, document, engine.check_document(document).findings)


def actions_at(checked: CheckedDocument, word: str) -> list[types.CodeAction]:
    positions = PositionMap(checked.document.text)
    at = positions.position(checked.document.text.index(word))
    return code_actions(checked, positions, types.Range(start=at, end=at))


def apply(text: str, action: types.CodeAction) -> str:
    assert action.edit is not None and action.edit.changes is not None
    (edit,) = action.edit.changes[URI]
    positions = PositionMap(text)
    start, end = positions.offset(edit.range.start), positions.offset(edit.range.end)
    return text[:start] + edit.new_text + text[end:]


def titled(actions: list[types.CodeAction], words: str) -> types.CodeAction:
    (action,) = [a for a in actions if words in a.title]
    return action


@pytest.mark.parametrize(
    ("path", "text"),
    [
        ("draft.md", f"# Visit\n\n{MISSPELT}  \nMore text.\n"),
        ("draft.html", f"<p>{MISSPELT}</p>\n"),
        ("draft.txt", f"{MISSPELT}\n"),
        ("draft.txt", f"{MISSPELT} factcheck: ignore FC302\n"),
    ],
)
def test_the_suppression_action_silences_the_finding(
    seed_engine: Engine, path: str, text: str
) -> None:
    checked = check(seed_engine, path, text)
    assert "FC101" in [f.code for f in checked.findings]

    suppressed = apply(text, titled(actions_at(checked, "Yacheslav"), "Suppress FC101"))
    again = check(seed_engine, path, suppressed)

    assert "FC101" not in [f.code for f in again.findings]
    assert "FC904" not in [f.code for f in again.findings]  # a well-formed directive


def test_the_markdown_suppression_keeps_a_trailing_hard_break(seed_engine: Engine) -> None:
    text = f"{MISSPELT}  \nNext line.\n"
    checked = check(seed_engine, "draft.md", text)
    suppressed = apply(text, titled(actions_at(checked, "Yacheslav"), "Suppress FC101"))
    assert f"{MISSPELT} <!-- factcheck: ignore FC101 -->  \n" in suppressed


def test_a_plain_text_directive_ending_the_line_gets_the_code_added(seed_engine: Engine) -> None:
    text = f"{MISSPELT} factcheck: ignore FC302\n"
    checked = check(seed_engine, "draft.txt", text)
    suppressed = apply(text, titled(actions_at(checked, "Yacheslav"), "Suppress FC101"))
    assert suppressed == f"{MISSPELT} factcheck: ignore FC302 FC101\n"


def test_the_safe_fix_is_preferred_and_gives_the_corpus_spelling(seed_engine: Engine) -> None:
    text = f"{MISSPELT}\n"
    checked = check(seed_engine, "draft.md", text)
    fix = titled(actions_at(checked, "Yacheslav"), "Replace")
    assert fix.is_preferred
    assert fix.kind == types.CodeActionKind.QuickFix
    assert apply(text, fix) == text.replace("Yacheslav", "Vyacheslav")


def test_a_fix_that_is_not_safe_is_offered_but_not_preferred(seed_engine: Engine) -> None:
    text = "Zhao hosted the 11th meeting of the China-Russia committee for parliamentary cooperation.\n"
    checked = check(seed_engine, "draft.md", text)
    assert "FC401" in [f.code for f in checked.findings]
    fix = titled(actions_at(checked, "11th"), "Replace")
    assert not fix.is_preferred
    assert "10th" in apply(text, fix)


def test_no_fix_when_the_span_no_longer_holds_the_found_text(seed_engine: Engine) -> None:
    checked = check(seed_engine, "draft.md", f"{MISSPELT}\n")
    (finding,) = [f for f in checked.findings if f.code == "FC101"]
    # The same findings over a text that changed under them.
    stale_text = checked.document.text.replace("Yacheslav", "Yaroslavl")
    stale = CheckedDocument(URI, 2, document_from_text("draft.md", stale_text), (finding,))
    assert [a.title for a in actions_at(stale, "Yaroslavl") if "Replace" in a.title] == []


def test_versioned_edits_name_the_checked_version(seed_engine: Engine) -> None:
    checked = check(seed_engine, "draft.md", f"{MISSPELT}\n")
    positions = PositionMap(checked.document.text)
    at = positions.position(checked.document.text.index("Yacheslav"))
    (fix, *_rest) = code_actions(checked, positions, types.Range(start=at, end=at), versioned=True)
    assert fix.edit is not None and fix.edit.document_changes is not None
    (change,) = fix.edit.document_changes
    assert isinstance(change, types.TextDocumentEdit)
    assert change.text_document.version == 1


def test_no_action_away_from_findings(seed_engine: Engine) -> None:
    checked = check(seed_engine, "draft.md", f"# Visit\n\n{MISSPELT}\n")
    assert actions_at(checked, "Visit") == []
