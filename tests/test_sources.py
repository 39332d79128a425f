from __future__ import annotations

import io
from pathlib import Path

import pytest

from factcheck.errors import InputError
from factcheck.sources import TEXT_SUFFIXES, expand_paths, read_stdin


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    for name in [
        "corpus/b.txt",
        "corpus/a.md",
        "corpus/c.html",
        "corpus/d.htm",
        "corpus/e.markdown",
        "corpus/notes.rst",
        "corpus/image.png",
        "corpus/.hidden.txt",
        "corpus/.git/config.txt",
        "corpus/sub/z.txt",
        "corpus/sub/deeper/y.TXT",
        "drafts/draft.txt",
        "drafts/draft.rst",
    ]:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", encoding="utf-8")
    return tmp_path


def _names(paths: list[Path], base: Path) -> list[str]:
    return [path.relative_to(base).as_posix() for path in paths]


def test_text_suffixes() -> None:
    assert TEXT_SUFFIXES == (".txt", ".md", ".markdown", ".html", ".htm")


def test_directory_is_walked_sorted_with_text_files_only(tree: Path) -> None:
    assert _names(expand_paths(["corpus"], tree), tree) == [
        "corpus/a.md",
        "corpus/b.txt",
        "corpus/c.html",
        "corpus/d.htm",
        "corpus/e.markdown",
        "corpus/sub/deeper/y.TXT",
        "corpus/sub/z.txt",
    ]


def test_explicit_file_is_kept_whatever_its_extension(tree: Path) -> None:
    assert _names(expand_paths(["drafts/draft.rst", "corpus/.hidden.txt"], tree), tree) == [
        "drafts/draft.rst",
        "corpus/.hidden.txt",
    ]


def test_absolute_paths_ignore_the_base(tree: Path, tmp_path: Path) -> None:
    absolute = str(tree / "drafts" / "draft.txt")
    assert expand_paths([absolute], tmp_path / "elsewhere") == [tree / "drafts" / "draft.txt"]


def test_glob_patterns(tree: Path) -> None:
    assert _names(expand_paths(["corpus/*.txt"], tree), tree) == ["corpus/b.txt"]
    assert _names(expand_paths(["corpus/?.htm*"], tree), tree) == ["corpus/c.html", "corpus/d.htm"]
    assert _names(expand_paths(["corpus/[ab].*"], tree), tree) == ["corpus/a.md", "corpus/b.txt"]


def test_recursive_glob_skips_hidden_and_directories(tree: Path) -> None:
    assert _names(expand_paths(["**/*.txt"], tree), tree) == [
        "corpus/b.txt",
        "corpus/sub/z.txt",
        "drafts/draft.txt",
    ]
    assert "corpus/sub" not in _names(expand_paths(["corpus/**"], tree), tree)


def test_absolute_glob(tree: Path, tmp_path: Path) -> None:
    pattern = str(tree / "drafts" / "*.rst")
    assert expand_paths([pattern], tmp_path / "elsewhere") == [tree / "drafts" / "draft.rst"]


def test_duplicates_are_removed_keeping_the_first(tree: Path) -> None:
    paths = expand_paths(["corpus/b.txt", "corpus", "./corpus/*.txt", "corpus/b.txt"], tree)
    names = _names(paths, tree)
    assert names[0] == "corpus/b.txt"
    assert names.count("corpus/b.txt") == 1
    assert len(names) == 7


def test_missing_path_is_an_input_error(tree: Path) -> None:
    with pytest.raises(InputError) as caught:
        expand_paths(["corpus", "missing.txt"], tree)
    assert str(caught.value) == "missing.txt: no such file or directory"


def test_glob_without_match_is_an_input_error(tree: Path) -> None:
    with pytest.raises(InputError) as caught:
        expand_paths(["corpus/*.docx"], tree)
    assert str(caught.value) == "corpus/*.docx: pattern matched no files"


def test_glob_matching_only_directories_is_an_input_error(tree: Path) -> None:
    with pytest.raises(InputError):
        expand_paths(["corpus/su*"], tree)


def test_empty_directory_gives_no_files(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    assert expand_paths(["empty"], tmp_path) == []


def _stdin(data: bytes) -> io.TextIOWrapper:
    return io.TextIOWrapper(io.BytesIO(data), encoding="latin-1")


def test_read_stdin_decodes_bytes_as_utf8_whatever_the_stream_encoding() -> None:
    document = read_stdin(_stdin("\ufeffNov. 23, 2023\r\nXi\u2019s talks\n".encode()))
    assert document.path == "-"
    assert document.kind == "txt"
    assert document.text == "Nov. 23, 2023\r\nXi\u2019s talks\n"
    assert document.prose == document.text
    assert document.published is not None
    assert document.published.isoformat() == "2023-11-23"


def test_read_stdin_invalid_utf8() -> None:
    with pytest.raises(InputError) as caught:
        read_stdin(_stdin(b"caf\xe9"))
    assert caught.value.path == "-"
    assert caught.value.problem == "not UTF-8 text (invalid byte 0xe9 at offset 3)"


def test_read_stdin_from_a_text_only_stream() -> None:
    document = read_stdin(io.StringIO("\ufeff# not markdown\n"))
    assert document.text == "# not markdown\n"
    assert document.prose == "# not markdown\n"


def test_read_stdin_defaults_to_sys_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("Body."))
    assert read_stdin().text == "Body."
