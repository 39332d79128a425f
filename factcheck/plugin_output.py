"""Plugins' standard output goes to standard error, so it cannot corrupt a report.

While a plugin is imported or one of its hooks runs, ``sys.stdout`` is a
:class:`PluginStdout`. What the plugin writes (from the calling thread, or
from the worker thread that runs its hook) goes to standard error, each line
prefixed with ``[plugin NAME]``; what anyone else writes passes through to the
real standard output. The plugin is known by a context variable, which the
worker thread inherits. A worker abandoned after its time limit may still
print later, so the stand-in stays installed while such a worker is alive.

Writes that bypass ``sys.stdout`` (``sys.__stdout__``, ``os.write(1, ...)``,
C extensions) are not caught.
"""

from __future__ import annotations

import contextvars
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO, cast

_CURRENT_PLUGIN: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "factcheck_current_plugin", default=None
)
# Calls in progress (the Python API may check drafts on several threads) and
# abandoned workers: the real stdout comes back when both are none.
_active = 0
_abandoned: list[threading.Thread] = []
_ended_early: list[threading.Thread] = []
_state = threading.Lock()


class PluginStdout:
    """Stands in for ``sys.stdout``: plugins' writes to stderr, the rest to ``original``."""

    def __init__(self, original: TextIO) -> None:
        self.original = original
        self._at_line_start: dict[str, bool] = {}
        self._lock = threading.Lock()

    def write(self, text: str) -> int:
        plugin = _CURRENT_PLUGIN.get()
        if plugin is None:
            return self.original.write(text)
        with self._lock:  # an abandoned worker may write while a newer call does
            sys.stderr.write(self._prefixed(plugin, text))
        return len(text)

    def flush(self) -> None:
        if _CURRENT_PLUGIN.get() is None:
            self.original.flush()
        else:
            sys.stderr.flush()

    def __getattr__(self, name: str) -> object:
        # isatty, encoding, fileno...: the real stream's, for everyone else's sake.
        return getattr(self.original, name)

    def _prefixed(self, plugin: str, text: str) -> str:
        prefix = f"[plugin {plugin}] "
        lines = text.splitlines(keepends=True)
        out = []
        for line in lines:
            if self._at_line_start.get(plugin, True):
                out.append(prefix)
            out.append(line)
            self._at_line_start[plugin] = line.endswith("\n")
        return "".join(out)


@contextmanager
def plugin_output(plugin: str) -> Iterator[None]:
    """Route what ``plugin`` prints (on this thread) to standard error while the block runs."""
    with redirected(), written_by(plugin):
        yield


@contextmanager
def redirected() -> Iterator[None]:
    """Keep the stand-in installed while the block runs."""
    global _active
    with _state:
        _active += 1
        if not isinstance(sys.stdout, PluginStdout):
            sys.stdout = cast(TextIO, PluginStdout(sys.stdout))
    try:
        yield
    finally:
        with _state:
            _active -= 1
            _restore_if_idle()


@contextmanager
def written_by(plugin: str) -> Iterator[None]:
    """Within the block, this thread's writes are ``plugin``'s."""
    token = _CURRENT_PLUGIN.set(plugin)
    try:
        yield
    finally:
        _CURRENT_PLUGIN.reset(token)


def keep_redirected_while(worker: threading.Thread) -> None:
    """Keep the stand-in while ``worker``, an abandoned plugin call, may still print."""
    with _state:
        if worker in _ended_early:
            _ended_early.remove(worker)
        else:
            _abandoned.append(worker)


def abandoned_worker_done(worker: threading.Thread) -> None:
    """``worker``'s abandoned call has returned: it prints no more."""
    with _state:
        if worker in _abandoned:
            _abandoned.remove(worker)
        else:  # returned between being abandoned and keep_redirected_while
            _ended_early.append(worker)
        _restore_if_idle()


def _restore_if_idle() -> None:
    """The real stdout again, once no call is in progress or abandoned (``_state`` held)."""
    _abandoned[:] = [thread for thread in _abandoned if thread.is_alive()]
    if not _active and not _abandoned and isinstance(sys.stdout, PluginStdout):
        sys.stdout = sys.stdout.original
