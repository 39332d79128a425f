"""Which file a document URI names, and which folder is the workspace root."""

from __future__ import annotations

from pathlib import Path

from lsprotocol import types

from factcheck.lsp.server import _document_path, _root


def test_a_file_uri_is_its_path(tmp_path: Path) -> None:
    draft = tmp_path / "a draft.md"
    assert _document_path(draft.as_uri(), Path("/elsewhere")) == draft


def test_an_unsaved_buffer_is_named_in_the_root() -> None:
    assert _document_path("untitled:Untitled-1", Path("/project")) == Path("/project/Untitled-1")


def test_the_first_workspace_folder_wins_over_the_root_uri(tmp_path: Path) -> None:
    first, other = tmp_path / "first", tmp_path / "other"
    params = types.InitializeParams(
        capabilities=types.ClientCapabilities(),
        root_uri=other.as_uri(),
        workspace_folders=[types.WorkspaceFolder(uri=first.as_uri(), name="first")],
    )
    assert _root(params) == first


def test_the_root_path_when_no_uri_is_given(tmp_path: Path) -> None:
    params = types.InitializeParams(
        capabilities=types.ClientCapabilities(), root_path=str(tmp_path)
    )
    assert _root(params) == tmp_path
    assert _root(types.InitializeParams(capabilities=types.ClientCapabilities())) is None
