from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from factcheck.fixes import apply_fixes, unified_diff, write_atomically
from factcheck.model import Category, Finding, Severity, Span


def _fix(
    text: str, found: str, fix: str, *, safe: bool = True, start: int | None = None
) -> Finding:
    begin = text.index(found) if start is None else start
    return Finding(
        code="FC101",
        category=Category.NAME,
        severity=Severity.ERROR,
        message="m",
        span=Span(begin, begin + len(found)),
        found=found,
        fix=fix,
        safe_fix=safe,
    )


def test_applies_safe_fixes_from_the_end_backwards() -> None:
    text = "Sergei Lavrow met Wang Yii in Moscow."
    first = _fix(text, "Lavrow", "Lavrov")
    second = _fix(text, "Wang Yii", "Wang Yi")
    fixed, applied = apply_fixes(text, [second, first])
    assert fixed == "Sergei Lavrov met Wang Yi in Moscow."
    assert applied == [first, second]


def test_unsafe_or_fixless_findings_are_never_applied() -> None:
    text = "Sergei Lavrow met them."
    unsafe = _fix(text, "Lavrow", "Lavrov", safe=False)
    no_fix = Finding(
        code="FC101",
        category=Category.NAME,
        severity=Severity.ERROR,
        message="m",
        span=Span(7, 13),
        found="Lavrow",
        safe_fix=True,
    )
    assert apply_fixes(text, [unsafe, no_fix]) == (text, [])


def test_overlapping_fixes_first_by_position_wins() -> None:
    text = "the Russian State Duma said"
    wide = _fix(text, "Russian State", "Russian")
    inner = _fix(text, "State Duma", "Duma")
    later = _fix(text, "said", "says")
    fixed, applied = apply_fixes(text, [inner, later, wide])
    assert fixed == "the Russian Duma says"
    assert applied == [wide, later]


def test_two_insertions_at_one_place_apply_once() -> None:
    text = "Lavrov"
    insert = _fix(text, "", "Sergei ", start=0)
    fixed, applied = apply_fixes(text, [insert, insert])
    assert fixed == "Sergei Lavrov" and applied == [insert]


def test_a_stale_finding_is_skipped() -> None:
    text = "Sergei Lavrow met them."
    finding = _fix(text, "Lavrow", "Lavrov")
    assert apply_fixes("Sergei Lavrov met them.", [finding]) == ("Sergei Lavrov met them.", [])
    assert apply_fixes("short", [finding]) == ("short", [])


def test_crlf_file_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "draft.txt"
    original = "Première ligne\r\nSergei Lavrow met them.\r\nlast line without newline"
    path.write_bytes(original.encode("utf-8"))
    text = path.read_bytes().decode("utf-8")  # offsets count "\r" as they should
    fixed, _ = apply_fixes(text, [_fix(text, "Lavrow", "Lavrov")])
    write_atomically(path, fixed)
    assert path.read_bytes() == original.replace("Lavrow", "Lavrov").encode("utf-8")


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_permissions_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "draft.md"
    path.write_text("old\n", encoding="utf-8")
    os.chmod(path, 0o640)
    write_atomically(path, "new\n")
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o640
    assert path.read_text(encoding="utf-8") == "new\n"
    assert [p.name for p in tmp_path.iterdir()] == ["draft.md"]  # no temporary left


@pytest.mark.skipif(os.name != "posix", reason="symbolic links")
def test_a_symbolic_link_is_kept_and_its_target_rewritten(tmp_path: Path) -> None:
    target = tmp_path / "real.md"
    target.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(target)
    write_atomically(link, "new\n")
    assert link.is_symlink()
    assert target.read_text(encoding="utf-8") == "new\n"


def test_a_failed_write_leaves_the_original_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "draft.md"
    path.write_text("old\n", encoding="utf-8")

    def broken_replace(source: str, destination: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError, match="disk full"):
        write_atomically(path, "new\n")
    assert path.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["draft.md"]


def test_unified_diff() -> None:
    diff = unified_diff("drafts/a.md", "one\nLavrow\nthree\n", "one\nLavrov\nthree\n")
    assert diff.splitlines() == [
        "--- a/drafts/a.md",
        "+++ b/drafts/a.md",
        "@@ -1,3 +1,3 @@",
        " one",
        "-Lavrow",
        "+Lavrov",
        " three",
    ]
    assert unified_diff("a.md", "same\n", "same\n") == ""


def test_unified_diff_marks_a_missing_final_newline() -> None:
    diff = unified_diff("a.md", "Lavrow", "Lavrov")
    assert diff.endswith(
        "-Lavrow\n\\ No newline at end of file\n+Lavrov\n\\ No newline at end of file\n"
    )


def test_a_byte_order_mark_survives_a_fix(tmp_path: Path) -> None:
    draft = tmp_path / "bom.txt"
    draft.write_bytes(b"\xef\xbb\xbfYacheslav Volodin spoke.\n")
    write_atomically(draft, "Vyacheslav Volodin spoke.\n")
    assert draft.read_bytes() == b"\xef\xbb\xbfVyacheslav Volodin spoke.\n"


def test_diff_headers_stay_relative_for_absolute_paths() -> None:
    diff = unified_diff("/tmp/x.md", "a\n", "b\n")
    assert diff.splitlines()[:2] == ["--- a/tmp/x.md", "+++ b/tmp/x.md"]


def test_the_file_is_written_back_in_its_own_encoding(tmp_path: Path) -> None:
    path = tmp_path / "archive.txt"
    path.write_bytes("Caf\u00e9 Volodn\n".encode("cp1252"))
    write_atomically(path, "Caf\u00e9 Volodin\n", encoding="cp1252")
    assert path.read_bytes() == "Caf\u00e9 Volodin\n".encode("cp1252")


def test_text_the_encoding_cannot_hold_leaves_the_file_untouched(tmp_path: Path) -> None:
    path = tmp_path / "archive.txt"
    path.write_bytes(b"Caf\xe9\n")
    with pytest.raises(UnicodeEncodeError):
        write_atomically(path, "Caf\u00e9 \u4e60\n", encoding="cp1252")
    assert path.read_bytes() == b"Caf\xe9\n"
    assert os.listdir(tmp_path) == ["archive.txt"]
