"""SummEdits rows: the positive class, the entity slice, and bad rows named by line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck.errors import InputError
from factcheck.evaluation.summedits import read_summedits


def _rows(path: Path, rows: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_inconsistent_is_positive_and_the_entity_slice_is_as_the_readme_defines(
    tmp_path: Path,
) -> None:
    rows: list[dict[str, object]] = [
        {"id": "ok", "doc": "D", "summary": "S", "label": 1, "edit_types": []},
        # Edited, yet judged consistent: consistent summaries are all in the slice.
        {"id": "ok-edited", "doc": "D", "summary": "S", "label": 1, "edit_types": ["antonym_swap"]},
        {"id": "entity", "doc": "D", "summary": "S", "label": 0,
         "edit_types": ["entity_modification"]},
        {"id": "mixed", "doc": "D", "summary": "S", "label": 0,
         "edit_types": ["entity_modification", "antonym_swap"]},
        {"id": "untyped", "doc": "D", "summary": "S", "label": 0, "edit_types": []},
    ]  # fmt: skip
    items = read_summedits(_rows(tmp_path / "s.jsonl", rows))
    assert [i.inconsistent for i in items] == [False, False, True, True, True]
    assert [i.item_id for i in items if i.in_entity_slice] == ["ok", "ok-edited", "entity"]


def test_a_bad_row_is_named_by_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "s.jsonl"
    path.write_text('{"id": "a", "doc": "D", "summary": "S", "label": 1}\n{"id": 2}\n')
    with pytest.raises(InputError, match="doc") as raised:
        read_summedits(path)
    assert raised.value.path == f"{path}:2"
