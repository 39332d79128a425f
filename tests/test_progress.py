"""The progress line: only on a terminal, never in a log, a pipe or CI."""

from __future__ import annotations

import io
import os
import pty
import subprocess
import sys
import textwrap

import pytest

from factcheck.progress import Progress, progress_wanted


class _Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_nothing_is_written_when_the_stream_is_not_a_terminal(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("CI", raising=False)
    stream = io.StringIO()
    assert not progress_wanted(stream)
    for _ in Progress("checking", 5, stream, delay=0).track(range(5)):
        pass
    assert stream.getvalue() == ""


def test_ci_turns_it_off_even_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setenv("CI", "true")
    assert not progress_wanted(Tty())
    monkeypatch.delenv("CI")
    assert progress_wanted(Tty())


def test_the_line_says_done_total_rate_and_time_left() -> None:
    clock = _Clock()
    progress = Progress("indexing", 40, io.StringIO(), enabled=True, delay=0, clock=clock)
    clock.now = 4.0
    progress.advance(10)
    assert progress.line(clock.now) == "indexing [#####---------------] 10/40 2.5/s 12s left"


def test_text_work_is_timed_in_words() -> None:
    clock = _Clock()
    progress = Progress("indexing", 40, io.StringIO(), enabled=True, delay=0, clock=clock)
    clock.now = 4.0
    progress.advance(10, words=6000)
    assert (
        progress.line(clock.now) == "indexing [#####---------------] 10/40 1,500 words/s 12s left"
    )


def test_it_waits_for_the_delay_and_erases_itself() -> None:
    clock, stream = _Clock(), io.StringIO()
    progress = Progress("checking", 3, stream, enabled=True, delay=1.0, clock=clock)
    progress.advance()
    assert stream.getvalue() == ""  # a short run never flashes a bar
    clock.now = 2.0
    progress.advance()
    assert "checking [" in stream.getvalue() and "2/3" in stream.getvalue()
    progress.close()
    assert stream.getvalue().endswith("\r\x1b[K")


_SCRIPT = textwrap.dedent(
    """
    import sys
    from factcheck.progress import Progress
    progress = Progress("checking", 3, sys.stderr, delay=0)
    for _ in progress.track(range(3)):
        pass
    """
)


@pytest.mark.skipif(sys.platform == "win32", reason="pty is POSIX only")
def test_a_real_terminal_gets_the_line_and_a_pipe_does_not() -> None:
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    piped = subprocess.run(
        [sys.executable, "-c", _SCRIPT], capture_output=True, text=True, env=env, check=True
    )
    assert piped.stderr == ""
    leader, follower = pty.openpty()
    try:
        done = subprocess.run(
            [sys.executable, "-c", _SCRIPT], stderr=follower, env=env, check=True, timeout=60
        )
        assert done.returncode == 0
        os.close(follower)
        follower = -1
        written = b""
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:  # the terminal's other end is closed: all is read
                break
            if not chunk:
                break
            written += chunk
    finally:
        if follower >= 0:
            os.close(follower)
        os.close(leader)
    assert b"checking [" in written and b"3/3" in written
