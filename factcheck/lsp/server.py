"""The language server: pygls set-up and the LSP handlers.

Diagnostics are published when a draft is opened or saved, and after a change
once the editor has been quiet for the debounce delay. Checks run one at a
time in a worker thread (spaCy and the engine are not shared between
threads); the event loop stays free to answer hovers and code actions from
the last check. Problems the editor cannot show as diagnostics (a broken
configuration, no corpus) are sent as a window/showMessage error, once each.
"""

from __future__ import annotations

import asyncio
import sys
import traceback
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import unquote, urlparse

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from factcheck import __version__
from factcheck.errors import FactcheckError
from factcheck.lsp.actions import code_actions
from factcheck.lsp.checking import CheckedDocument, Checks, draft_kind
from factcheck.lsp.debounce import Debouncer
from factcheck.lsp.diagnostics import to_diagnostics
from factcheck.lsp.hover import hover
from factcheck.lsp.positions import UTF16, PositionMap

DEBOUNCE_SECONDS = 0.4


class FactcheckServer(LanguageServer):
    def __init__(self, debounce: float = DEBOUNCE_SECONDS) -> None:
        super().__init__("factcheck", __version__)
        self.debouncer = Debouncer(debounce)
        self.checked: dict[str, CheckedDocument] = {}
        self.root = Path.cwd()
        self._checks: Checks | None = None
        # One worker: checks run one after the other, never side by side.
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="factcheck-check")
        self._said: set[str] = set()
        self._warned: set[str] = set()  # plugin problems: said once per server

    @property
    def checks(self) -> Checks:
        if self._checks is None:
            self._checks = Checks(self.root)
        return self._checks

    @property
    def encoding(self) -> str:
        return str(self.workspace.position_encoding or UTF16)

    def positions(self, checked: CheckedDocument) -> PositionMap:
        return PositionMap(checked.document.text, self.encoding)

    def current(self, uri: str) -> CheckedDocument | None:
        """The last check of ``uri`` if it was made on the text the editor has now."""
        checked = self.checked.get(uri)
        if checked is None:
            return None
        text = self.workspace.get_text_document(uri).source
        return checked if checked.document.text == text else None

    def say(self, message: str, kind: types.MessageType = types.MessageType.Error) -> None:
        """Tell the editor, once per message until a check succeeds: a check per
        keystroke must not flood it."""
        if message in self._said:
            return
        self._said.add(message)
        self.window_show_message(types.ShowMessageParams(type=kind, message=message))

    def schedule_check(self, uri: str, *, delay: float | None = None) -> None:
        self.debouncer.schedule(uri, lambda: self.check(uri), delay=delay)

    async def check(self, uri: str) -> None:
        document = self.workspace.get_text_document(uri)
        path = _document_path(uri, self.root)
        kind = draft_kind(path.name, document.language_id)
        if kind is None:
            return
        text, version = document.source, document.version
        loop = asyncio.get_running_loop()
        try:
            checked = await loop.run_in_executor(
                self._worker, self.checks.check, uri, version, path, text, kind
            )
        except FactcheckError as error:
            self.say(f"factcheck: {error}")
            return
        except Exception as error:  # a bug: keep serving, and say where to look
            traceback.print_exc(file=sys.stderr)
            self.say(f"factcheck: internal error while checking {path.name}: {error!r}")
            return
        if self.workspace.get_text_document(uri).version != version:
            return  # edited meanwhile: the newer text has its own check scheduled
        self.checked[uri] = checked
        self._said.clear()  # recovered: the same problem, back again, is worth saying
        for problem in self.checks.plugin_problems():
            if problem not in self._warned:
                self._warned.add(problem)
                self.window_show_message(
                    types.ShowMessageParams(type=types.MessageType.Warning, message=problem)
                )
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(
                uri=uri,
                version=version,
                diagnostics=to_diagnostics(checked.findings, self.positions(checked)),
            )
        )

    def forget(self, uri: str) -> None:
        self.debouncer.cancel(uri)
        self.checked.pop(uri, None)
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=[])
        )

    def supports_versioned_edits(self) -> bool:
        workspace = self.client_capabilities.workspace
        edit = workspace.workspace_edit if workspace else None
        return bool(edit and edit.document_changes)


def _document_path(uri: str, root: Path) -> Path:
    """The file behind ``uri``; an unsaved buffer is named as if in the root."""
    path = to_fs_path(uri)
    if path is not None and urlparse(uri).scheme == "file":
        return Path(path)
    return root / (Path(unquote(urlparse(uri).path)).name or "untitled")


def _root(params: types.InitializeParams) -> Path | None:
    folders = params.workspace_folders or []
    uri = folders[0].uri if folders else params.root_uri
    if uri:
        path = to_fs_path(uri)
        return Path(path) if path else None
    return Path(params.root_path) if params.root_path else None


def build_server(debounce: float = DEBOUNCE_SECONDS) -> FactcheckServer:
    server = FactcheckServer(debounce)

    @server.feature(types.INITIALIZE)
    def initialize(ls: FactcheckServer, params: types.InitializeParams) -> None:
        root = _root(params)
        if root is not None:
            ls.root = root

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: FactcheckServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.schedule_check(params.text_document.uri, delay=0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: FactcheckServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.schedule_check(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: FactcheckServer, params: types.DidSaveTextDocumentParams) -> None:
        ls.schedule_check(params.text_document.uri, delay=0)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: FactcheckServer, params: types.DidCloseTextDocumentParams) -> None:
        ls.forget(params.text_document.uri)

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
    )
    def code_action(
        ls: FactcheckServer, params: types.CodeActionParams
    ) -> list[types.CodeAction] | None:
        checked = ls.current(params.text_document.uri)
        only = params.context.only
        if checked is None or (only and types.CodeActionKind.QuickFix not in only):
            return None
        return code_actions(
            checked, ls.positions(checked), params.range, versioned=ls.supports_versioned_edits()
        )

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def on_hover(ls: FactcheckServer, params: types.HoverParams) -> types.Hover | None:
        checked = ls.current(params.text_document.uri)
        if checked is None:
            return None
        return hover(checked.findings, ls.positions(checked), params.position)

    return server


def serve_stdio() -> None:
    """Serve on standard input and output until the editor says exit."""
    protocol_out = sys.stdout.buffer
    # Whatever a plugin prints must not corrupt the protocol stream.
    sys.stdout = sys.stderr
    build_server().start_io(stdin=sys.stdin.buffer, stdout=protocol_out)
