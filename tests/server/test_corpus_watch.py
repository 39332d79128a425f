"""Corpus fingerprints: names, sizes and times; looked at no more than once per interval."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import pytest

from factcheck.server.corpus_watch import CorpusWatch, fingerprint


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_a_fingerprint_changes_with_content_time_and_files(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("one")
    first = fingerprint([str(tmp_path)], tmp_path)
    assert fingerprint([str(tmp_path)], tmp_path) == first
    os.utime(tmp_path / "a.txt", ns=(1, 1))
    touched = fingerprint([str(tmp_path)], tmp_path)
    assert touched != first
    (tmp_path / "b.md").write_text("two")
    assert fingerprint([str(tmp_path)], tmp_path) != touched
    (tmp_path / "notes.py").write_text("not corpus")  # not a corpus file: no change
    assert len(fingerprint([str(tmp_path)], tmp_path)) == 2


def test_a_missing_corpus_is_a_state_too(tmp_path: Path) -> None:
    state = fingerprint([str(tmp_path / "gone")], tmp_path)
    assert isinstance(state, str) and "no such file or directory" in state


def test_the_watch_reports_a_change_once_and_waits_between_looks(tmp_path: Path) -> None:
    clock = Clock()
    (tmp_path / "a.txt").write_text("one")
    watch = CorpusWatch([str(tmp_path)], base=tmp_path, interval=2.0, clock=clock)
    (tmp_path / "a.txt").write_text("one, longer")
    clock.now = 1.0
    assert not watch.changed()  # too soon to look
    clock.now = 2.5
    assert watch.changed()
    clock.now = 5.0
    assert not watch.changed()  # the same change is told once


def test_a_slow_look_spaces_out_the_next(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import factcheck.server.corpus_watch as corpus_watch

    clock = Clock()
    looks: list[float] = []
    real = corpus_watch.fingerprint

    def slow(patterns: Sequence[str], base: Path) -> corpus_watch.Fingerprint:
        looks.append(clock.now)
        clock.now += 1.0  # a large archive: each look takes a second
        return real(patterns, base)

    monkeypatch.setattr(corpus_watch, "fingerprint", slow)
    (tmp_path / "a.txt").write_text("one")
    watch = CorpusWatch([str(tmp_path)], base=tmp_path, interval=2.0, clock=clock)
    (tmp_path / "a.txt").write_text("one, longer")
    clock.now = 5.0
    assert not watch.changed() and len(looks) == 1  # 2 s passed, but a look takes 1 s
    clock.now = 0.0 + corpus_watch.LOOK_SPACING * 1.0
    assert watch.changed() and len(looks) == 2
