"""factcheck lsp end to end: a real LSP client talks to ``python -m factcheck lsp``
over stdio. The server (and its spaCy model) is started once for the module."""

from __future__ import annotations

import asyncio
import json
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

from factcheck.cli import main
from tests.conftest import REPO

DRAFT = REPO / "docs" / "examples" / "draft.md"
SEEDS = REPO / "seeds"
TIMEOUT = 120  # the first check loads the model and the corpus

pytestmark = pytest.mark.asyncio(loop_scope="module")


@pytest_lsp.fixture(
    scope="module",
    config=ClientServerConfig(server_command=[sys.executable, "-m", "factcheck", "lsp"]),
)
async def client(lsp_client: LanguageClient) -> AsyncIterator[None]:
    capabilities = types.ClientCapabilities(
        text_document=types.TextDocumentClientCapabilities(
            publish_diagnostics=types.PublishDiagnosticsClientCapabilities(
                related_information=True, code_description_support=True
            ),
            hover=types.HoverClientCapabilities(content_format=[types.MarkupKind.Markdown]),
        )
    )
    await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=capabilities,
            root_uri=REPO.as_uri(),
            workspace_folders=[types.WorkspaceFolder(uri=REPO.as_uri(), name="factcheck")],
        )
    )
    yield
    await lsp_client.shutdown_session()


def utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def cli_findings(path: Path, capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    """What ``factcheck check --format json`` reports for ``path``, run from the repo."""
    capsys.readouterr()
    main(["check", "--format", "json", str(path.relative_to(REPO))])
    findings: list[dict[str, object]] = json.loads(capsys.readouterr().out)["findings"]
    return findings


def lsp_range(text: str, finding: dict[str, object]) -> types.Range:
    """The CLI's 1-based line and character column as an LSP UTF-16 range."""
    lines = text.split("\n")

    def position(line: object, column: object) -> types.Position:
        assert isinstance(line, int) and isinstance(column, int)
        return types.Position(line=line - 1, character=utf16(lines[line - 1][: column - 1]))

    return types.Range(
        start=position(finding["line"], finding["column"]),
        end=position(finding["end_line"], finding["end_column"]),
    )


async def publications_until(
    client: LanguageClient, uri: str, version: int
) -> list[types.PublishDiagnosticsParams]:
    """Every diagnostics publication for ``uri`` up to the one of ``version``."""

    async def published() -> list[types.PublishDiagnosticsParams]:
        seen = []
        while True:
            params = await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
            if params.uri == uri:
                seen.append(params)
                if params.version == version:
                    return seen

    return await asyncio.wait_for(published(), TIMEOUT)


async def diagnostics_for(client: LanguageClient, uri: str, version: int) -> list[types.Diagnostic]:
    """Wait for the diagnostics of ``version`` of ``uri``."""
    return list((await publications_until(client, uri, version))[-1].diagnostics)


async def open_document(
    client: LanguageClient, uri: str, text: str, language: str = "markdown"
) -> list[types.Diagnostic]:
    waiting = asyncio.ensure_future(diagnostics_for(client, uri, 1))
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(
                uri=uri, language_id=language, version=1, text=text
            )
        )
    )
    return await waiting


def whole_document(text: str) -> types.Range:
    lines = text.split("\n")
    return types.Range(
        start=types.Position(line=0, character=0),
        end=types.Position(line=len(lines) - 1, character=utf16(lines[-1])),
    )


def apply_edit(text: str, edit: types.TextEdit) -> str:
    lines = text.split("\n")
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)

    def offset(position: types.Position) -> int:
        line = lines[position.line]
        # Count UTF-16 units back to characters on the line.
        count = units = 0
        while units < position.character:
            units += utf16(line[count])
            count += 1
        return offsets[position.line] + count

    start, end = offset(edit.range.start), offset(edit.range.end)
    return text[:start] + edit.new_text + text[end:]


def edits_of(action: types.CodeAction, uri: str) -> list[types.TextEdit]:
    assert action.edit is not None and action.edit.changes is not None
    return list(action.edit.changes[uri])


async def test_draft_diagnostics_match_the_cli(
    client: LanguageClient, capsys: pytest.CaptureFixture[str]
) -> None:
    text = DRAFT.read_text(encoding="utf-8")
    diagnostics = await open_document(client, DRAFT.as_uri(), text)
    expected = cli_findings(DRAFT, capsys)

    assert len(expected) == 7
    assert [(d.code, d.range) for d in diagnostics] == [
        (f["code"], lsp_range(text, f)) for f in expected
    ]
    assert [d.message for d in diagnostics] == [f["message"] for f in expected]
    assert {d.source for d in diagnostics} == {"factcheck"}
    severities = {
        "error": types.DiagnosticSeverity.Error,
        "warning": types.DiagnosticSeverity.Warning,
    }
    assert [d.severity for d in diagnostics] == [severities[str(f["severity"])] for f in expected]


async def test_evidence_is_related_information_in_the_corpus(client: LanguageClient) -> None:
    text = DRAFT.read_text(encoding="utf-8")
    diagnostics = await open_document(client, DRAFT.as_uri(), text)
    misspelt = next(d for d in diagnostics if d.code == "FC101")

    assert misspelt.code_description is not None
    assert misspelt.code_description.href.endswith("factcheck/codes_docs/FC101.md")
    assert misspelt.related_information
    for related in misspelt.related_information:
        corpus_file = Path(related.location.uri.removeprefix("file://"))
        assert corpus_file.parent == SEEDS
        line = corpus_file.read_text(encoding="utf-8").split("\n")[
            related.location.range.start.line
        ]
        assert "Vyacheslav Volodin" in line
        assert "Vyacheslav Volodin" in related.message
        assert "5 corpus documents" in related.message


async def test_fixing_a_name_removes_its_diagnostic(client: LanguageClient) -> None:
    uri = (REPO / "docs" / "examples" / "edited.md").as_uri()
    text = DRAFT.read_text(encoding="utf-8")
    before = await open_document(client, uri, text)
    assert "FC101" in [d.code for d in before]

    waiting = asyncio.ensure_future(publications_until(client, uri, 3))
    # Two quick edits: only the last text is checked and published.
    for version, new_text in (
        (2, text.replace("Yacheslav", "Yacheslaw")),
        (3, text.replace("Yacheslav", "Vyacheslav")),
    ):
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                content_changes=[types.TextDocumentContentChangeWholeDocument(text=new_text)],
            )
        )
    publications = await waiting
    after = publications[-1].diagnostics

    assert [p.version for p in publications] == [3]  # version 2 was never published
    assert "FC101" not in [d.code for d in after]
    assert sorted(d.code for d in after) == sorted(str(d.code) for d in before if d.code != "FC101")


async def test_code_action_applies_the_corpus_spelling(client: LanguageClient) -> None:
    uri = (REPO / "docs" / "examples" / "actions.md").as_uri()
    text = DRAFT.read_text(encoding="utf-8")
    diagnostics = await open_document(client, uri, text)
    misspelt = next(d for d in diagnostics if d.code == "FC101")

    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=misspelt.range,
            context=types.CodeActionContext(diagnostics=[misspelt]),
        )
    )
    assert actions is not None
    fixes = [a for a in actions if isinstance(a, types.CodeAction) and a.is_preferred]
    assert len(fixes) == 1
    fixed = apply_edit(text, *edits_of(fixes[0], uri))
    assert "His guest was Vyacheslav Volodin, chairman" in fixed
    assert fixed == text.replace("Yacheslav Volodin", "Vyacheslav Volodin", 1)

    suppress = next(
        a for a in actions if isinstance(a, types.CodeAction) and "Suppress FC101" in a.title
    )
    suppressed = apply_edit(text, *edits_of(suppress, uri))
    assert "Federation Council. <!-- factcheck: ignore FC101 -->\n" in suppressed


async def test_hover_shows_the_expected_value(client: LanguageClient) -> None:
    uri = (REPO / "docs" / "examples" / "hover.md").as_uri()
    text = DRAFT.read_text(encoding="utf-8")
    diagnostics = await open_document(client, uri, text)
    misspelt = next(d for d in diagnostics if d.code == "FC101")
    inside = types.Position(
        line=misspelt.range.start.line, character=misspelt.range.start.character + 3
    )

    result = await client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=inside)
    )

    assert result is not None and isinstance(result.contents, types.MarkupContent)
    assert result.contents.kind == types.MarkupKind.Markdown
    assert "expected: `Vyacheslav Volodin`" in result.contents.value
    assert "found: `Yacheslav Volodin`" in result.contents.value
    assert "seeds/" in result.contents.value
    assert result.range == misspelt.range


async def test_an_emoji_before_a_finding_counts_two_utf16_units(client: LanguageClient) -> None:
    uri = (REPO / "docs" / "examples" / "emoji.md").as_uri()
    line = "🎉 His guest was Yacheslav Volodin, chairman of the Russian State Duma."
    diagnostics = await open_document(client, uri, f"# Visit\n\n{line}\n")
    misspelt = next(d for d in diagnostics if d.code == "FC101")

    start = line.index("Yacheslav")
    assert misspelt.range.start == types.Position(line=2, character=start + 1)
    assert misspelt.range.end == types.Position(
        line=2, character=start + 1 + len("Yacheslav Volodin")
    )
