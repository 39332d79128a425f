"""Finding the beats: each folder with expected.json, a corpus and drafts; bad layouts named."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.errors import InputError
from factcheck.evaluation.beats import find_beats


def _beat(folder: Path, *, corpus: bool = True, drafts: bool = True) -> Path:
    folder.mkdir(parents=True)
    (folder / "expected.json").write_text("{}", encoding="utf-8")
    if corpus:
        (folder / "corpus").mkdir()
        (folder / "corpus" / "a.txt").write_text("A text.\n", encoding="utf-8")
    if drafts:
        (folder / "d01.md").write_text("A draft.\n", encoding="utf-8")
    return folder


def test_every_folder_with_expectations_is_a_beat(tmp_path: Path) -> None:
    _beat(tmp_path / "two")
    _beat(tmp_path / "one")
    (tmp_path / "notes").mkdir()  # no expected.json: not a beat
    beats = find_beats(tmp_path)
    assert [b.name for b in beats] == ["one", "two"]
    assert [p.name for p in beats[0].drafts] == ["d01.md"]
    assert [p.name for p in beats[0].corpus] == ["a.txt"]


@pytest.mark.parametrize(
    ("layout", "problem"),
    [
        ({"corpus": False}, "corpus/ folder"),
        ({"drafts": False}, "without drafts"),
    ],
)
def test_a_broken_beat_is_named(tmp_path: Path, layout: dict[str, bool], problem: str) -> None:
    _beat(tmp_path / "one", **layout)
    with pytest.raises(InputError, match=problem) as raised:
        find_beats(tmp_path)
    assert raised.value.path == str(tmp_path / "one")


def test_no_beat_at_all_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no beat"):
        find_beats(tmp_path)
    with pytest.raises(InputError, match="not a folder"):
        find_beats(tmp_path / "absent")
