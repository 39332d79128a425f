from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from factcheck import sources
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


def test_read_stdin_invalid_utf8_when_utf8_is_forced() -> None:
    with pytest.raises(InputError) as caught:
        read_stdin(_stdin(b"caf\xe9"), encoding="utf-8")
    assert caught.value.path == "-"
    assert caught.value.problem == "not UTF-8 text (invalid byte 0xe9 at offset 3)"


def test_read_stdin_decodes_latin1_as_detected() -> None:
    document = read_stdin(_stdin(b"caf\xe9 au lait"))
    assert document.text == "caf\u00e9 au lait"
    assert document.encoding == "cp1252"


def test_read_stdin_from_a_text_only_stream() -> None:
    document = read_stdin(io.StringIO("\ufeff# not markdown\n"))
    assert document.text == "# not markdown\n"
    assert document.prose == "# not markdown\n"


def test_read_stdin_defaults_to_sys_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("Body."))
    assert read_stdin().text == "Body."


def test_read_stdin_stops_at_the_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sources, "MAX_DOCUMENT_BYTES", 10)
    with pytest.raises(InputError) as caught:
        read_stdin(_stdin(b"x" * 11))
    assert str(caught.value) == "-: too large: more than the 10 bytes a document may have"
    with pytest.raises(InputError, match="too large"):
        read_stdin(io.StringIO("x" * 11))
    assert read_stdin(_stdin(b"x" * 10)).text == "x" * 10


# --- links, loops and the same file twice ----------------------------------------


def test_recursive_glob_does_not_follow_a_link_loop(tree: Path) -> None:
    (tree / "corpus" / "sub" / "up").symlink_to(tree / "corpus", target_is_directory=True)
    (tree / "corpus" / "sub" / "self").symlink_to(".", target_is_directory=True)
    assert _names(expand_paths(["corpus/**/*.txt"], tree), tree) == [
        "corpus/b.txt",
        "corpus/sub/z.txt",
    ]


def test_folder_walk_does_not_follow_a_link_loop(tree: Path) -> None:
    (tree / "corpus" / "sub" / "up").symlink_to(tree / "corpus", target_is_directory=True)
    assert _names(expand_paths(["corpus"], tree), tree).count("corpus/b.txt") == 1


def test_folder_walk_skips_a_link_to_a_file_outside_the_folder(tree: Path) -> None:
    (tree / "corpus" / "passwd.txt").symlink_to(tree / "drafts" / "draft.txt")
    assert "corpus/passwd.txt" not in _names(expand_paths(["corpus"], tree), tree)


def test_glob_skips_a_link_to_a_file_outside_the_pattern_folder(tree: Path) -> None:
    (tree / "corpus" / "passwd.txt").symlink_to(tree / "drafts" / "draft.txt")
    assert _names(expand_paths(["corpus/*.txt"], tree), tree) == ["corpus/b.txt"]


def test_a_link_inside_the_folder_counts_its_file_once_under_the_real_name(tree: Path) -> None:
    (tree / "corpus" / "alias.txt").symlink_to(tree / "corpus" / "b.txt")
    names = _names(expand_paths(["corpus"], tree), tree)
    assert "corpus/b.txt" in names and "corpus/alias.txt" not in names


def test_a_link_named_explicitly_is_read(tree: Path) -> None:
    (tree / "corpus" / "passwd.txt").symlink_to(tree / "drafts" / "draft.txt")
    assert _names(expand_paths(["corpus/passwd.txt"], tree), tree) == ["corpus/passwd.txt"]


def test_a_hard_link_is_the_same_file(tree: Path) -> None:
    os.link(tree / "corpus" / "b.txt", tree / "corpus" / "copy.txt")
    names = _names(expand_paths(["corpus"], tree), tree)
    assert names.count("corpus/b.txt") + names.count("corpus/copy.txt") == 1


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_fifo_in_a_folder_is_listed_for_the_reader_to_refuse(tree: Path) -> None:
    # Listed, not skipped: reading it gives the FC901 that names it.
    os.mkfifo(tree / "corpus" / "pipe.txt")
    assert "corpus/pipe.txt" in _names(expand_paths(["corpus"], tree), tree)


def test_skip_leaves_out_folders_without_entering_them_and_spares_explicit_files(
    tmp_path: Path,
) -> None:
    for name in ("a.md", "skipped/b.md", "skipped/deep/c.md", "d.md"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x\n")
    asked: list[tuple[str, bool]] = []

    def skip(path: Path, is_folder: bool) -> bool:
        asked.append((path.relative_to(tmp_path).as_posix(), is_folder))
        return path.name in {"skipped", "d.md"}

    assert expand_paths(["."], tmp_path, skip=skip) == [tmp_path / "./a.md"]
    assert not any(name.startswith("skipped/") for name, _ in asked)  # never entered
    assert ("skipped", True) in asked
    assert expand_paths(["d.md"], tmp_path, skip=skip) == [tmp_path / "d.md"]
    assert expand_paths(["*.md"], tmp_path, skip=skip) == [tmp_path / "a.md"]


def test_list_files_stamps_each_file_as_stat_sees_it_and_names_it_as_expand_paths(
    tree: Path,
) -> None:
    (tree / "corpus" / "b.txt").write_text("longer text", encoding="utf-8")
    patterns = ["corpus", "drafts/draft.rst", "corpus/*.md"]
    listed = sources.list_files(patterns, tree)
    assert [Path(file.path) for file in listed] == expand_paths(patterns, tree)
    for file in listed:
        status = os.stat(file.path)
        assert (file.size, file.mtime_ns) == (status.st_size, status.st_mtime_ns)
    sizes = {Path(file.path).name: file.size for file in listed}
    assert sizes["b.txt"] == len("longer text") and sizes["a.md"] == 1


def test_a_file_that_cannot_be_stat_ed_is_listed_unstamped_for_the_reader_to_refuse(
    tree: Path,
) -> None:
    # A dangling link inside the folder: listed, so that reading it names the problem.
    (tree / "corpus" / "gone.txt").symlink_to(tree / "corpus" / "never-written.txt")
    listed = {Path(file.path).name: file for file in sources.list_files(["corpus"], tree)}
    assert (listed["gone.txt"].size, listed["gone.txt"].mtime_ns) == (-1, -1)


def test_a_walk_sorts_by_the_parts_below_the_folder_one_by_one(tmp_path: Path) -> None:
    # A folder's files come before a file whose name merely starts with the
    # folder's name ("a/x" before "a-b.txt" and "a.txt"), as comparing the parts
    # one by one orders them.
    names = [
        "a.txt", "a-b.txt", "a/b.txt", "a b/c.txt", "A.txt", "ä.txt", "a/z/y.txt",
        "a-b/x.txt", "B/q.txt", "a0.txt", "a/a.txt",
    ]  # fmt: skip
    for name in names:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x\n", encoding="utf-8")
    found = [path.relative_to(tmp_path).as_posix() for path in expand_paths(["."], tmp_path)]
    assert found == sorted(names, key=lambda name: name.split("/"))
    assert found[:5] == ["A.txt", "B/q.txt", "a/a.txt", "a/b.txt", "a/z/y.txt"]
