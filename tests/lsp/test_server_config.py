"""A broken configuration is said to the editor, and the server keeps going:
fixing the file and saving the draft is enough to get diagnostics."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

from tests.conftest import SEEDS

TIMEOUT = 120
MISSPELT = "His guest was Yacheslav Volodin, chairman of the Russian State Duma.\n"

pytestmark = pytest.mark.asyncio(loop_scope="module")


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("project")
    (root / "factcheck.toml").write_text('corpus = "not a list"\n', encoding="utf-8")
    (root / "notes").mkdir()
    return root


@pytest_lsp.fixture(
    scope="module",
    config=ClientServerConfig(server_command=[sys.executable, "-m", "factcheck", "lsp"]),
)
async def client(lsp_client: LanguageClient, request: pytest.FixtureRequest) -> AsyncIterator[None]:
    root: Path = request.getfixturevalue("project")
    await lsp_client.initialize_session(
        types.InitializeParams(capabilities=types.ClientCapabilities(), root_uri=root.as_uri())
    )
    yield
    await lsp_client.shutdown_session()


async def test_a_config_error_is_shown_then_fixing_it_recovers(
    client: LanguageClient, project: Path
) -> None:
    draft = project / "notes" / "draft.md"
    uri = draft.as_uri()
    shown = asyncio.ensure_future(client.wait_for_notification(types.WINDOW_SHOW_MESSAGE))
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(
                uri=uri, language_id="markdown", version=1, text=MISSPELT
            )
        )
    )
    message = await asyncio.wait_for(shown, TIMEOUT)

    assert message.type == types.MessageType.Error
    assert "factcheck.toml" in message.message and "'corpus'" in message.message
    # Still serving: a request gets its answer.
    result = await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            position=types.Position(line=0, character=16),
        )
    )
    assert result is None

    (project / "factcheck.toml").write_text(
        f"corpus = [{str(SEEDS)!r}]\ncache = false\n", encoding="utf-8"
    )
    published = asyncio.ensure_future(
        client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    )
    client.text_document_did_save(
        types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri))
    )
    diagnostics = await asyncio.wait_for(published, TIMEOUT)
    assert "FC101" in [d.code for d in diagnostics.diagnostics]
