from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from factcheck.fixes import apply_fixes, fix_text, unified_diff
from factcheck.model import Category, Finding, Severity, Span
from factcheck.rewrite import NotRewritten, write_atomically


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


def test_applies_safe_fixes_in_order_of_position() -> None:
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
    with pytest.raises(NotRewritten, match="disk full"):
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


def test_fix_text_locates_every_finding_in_the_fixed_text() -> None:
    text = "Wang Yii met Lavrow, and Lavrow's 9th visit.\nLavrow left."
    first = _fix(text, "Wang Yii", "Wang Yi")
    second = _fix(text, "Lavrow", "Sergei Lavrov")
    count = _fix(text, "9th", "10th", safe=False)
    last = _fix(text, "Lavrow", "Lavrov", start=text.index("\nLavrow") + 1)
    result = fix_text(text, [first, second, count, last])
    assert result.text == "Wang Yi met Sergei Lavrov, and Lavrow's 9th visit.\nLavrov left."
    for finding in result.applied:
        assert result.text[finding.span.start : finding.span.end] == finding.fix
    assert [(f.line, f.column) for f in result.applied] == [(1, 1), (1, 13), (2, 1)]
    (left,) = result.remaining
    assert result.text[left.span.start : left.span.end] == "9th"
    assert (left.line, left.column, left.end_column) == (1, 41, 44)


def test_a_finding_inside_an_applied_fix_stays_inside_it() -> None:
    text = "the Russian State Duma said"
    wide = _fix(text, "Russian State", "Russian")
    inner = _fix(text, "State Duma", "Duma")
    result = fix_text(text, [wide, inner])
    (left,) = result.remaining
    assert result.text == "the Russian Duma said"
    assert 0 <= left.span.start <= left.span.end <= len(result.text)


def test_the_diff_escapes_control_characters_and_keeps_line_endings() -> None:
    before = "Lavrow\x1b]0;owned\x07 said\rfake:1:1: FC101\u202e\r\nend\n"
    diff = unified_diff("a\x1b[2J.md", before, before.replace("Lavrow", "Lavrov"))
    assert "\x1b" not in diff and "\u202e" not in diff and "\x07" not in diff
    assert "-Lavrow\\x1b]0;owned\\x07 said\\rfake:1:1: FC101\\u202e\r\n" in diff
    assert diff.startswith("--- a/a\\x1b[2J.md\n")


def test_the_file_is_written_back_in_its_own_encoding(tmp_path: Path) -> None:
    path = tmp_path / "archive.txt"
    path.write_bytes("Caf\u00e9 Volodn\n".encode("cp1252"))
    write_atomically(path, "Caf\u00e9 Volodin\n", encoding="cp1252")
    assert path.read_bytes() == "Caf\u00e9 Volodin\n".encode("cp1252")


def test_text_the_encoding_cannot_hold_leaves_the_file_untouched(tmp_path: Path) -> None:
    path = tmp_path / "archive.txt"
    path.write_bytes(b"Caf\xe9\n")
    with pytest.raises(NotRewritten, match="cp1252 cannot hold"):
        write_atomically(path, "Caf\u00e9 \u4e60\n", encoding="cp1252")
    assert path.read_bytes() == b"Caf\xe9\n"
    assert os.listdir(tmp_path) == ["archive.txt"]


def test_a_suppressed_finding_shown_by_no_ignore_is_never_fixed() -> None:
    import dataclasses

    text = "Sergei Lavrow met Wang Yii."
    silenced = dataclasses.replace(_fix(text, "Lavrow", "Lavrov"), suppressed=True)
    fixed, applied = apply_fixes(text, [silenced, _fix(text, "Wang Yii", "Wang Yi")])
    assert fixed == "Sergei Lavrow met Wang Yi."
    assert [f.found for f in applied] == ["Wang Yii"]
