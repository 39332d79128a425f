"""Plugins' standard output, routed to standard error (factcheck/plugin_output.py)."""

from __future__ import annotations

import sys
import threading

import pytest

from factcheck.plugin_output import plugin_output


def test_lines_are_prefixed_with_the_plugin_and_others_pass_through(
    capsys: pytest.CaptureFixture[str],
) -> None:
    real_stdout = sys.stdout
    with plugin_output("chatty"):
        print("one\ntwo", end="")
        print(" and a half")
        sys.stdout.write("")
    print("factcheck's own")
    captured = capsys.readouterr()
    assert captured.err == "[plugin chatty] one\n[plugin chatty] two and a half\n"
    assert captured.out == "factcheck's own\n"
    assert sys.stdout is real_stdout


def test_calls_on_two_threads_stay_redirected_until_both_end(
    capsys: pytest.CaptureFixture[str],
) -> None:
    real_stdout = sys.stdout
    first_in, first_out = threading.Event(), threading.Event()

    def first() -> None:
        with plugin_output("first"):
            first_in.set()
        first_out.set()

    with plugin_output("second"):
        thread = threading.Thread(target=first)
        thread.start()
        assert first_in.wait(5) and first_out.wait(5)
        print("second, after the first call ended")
    thread.join()
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == "[plugin second] second, after the first call ended\n"
    assert sys.stdout is real_stdout
