"""Calling into plugins so that nothing they do can end or hang the run.

Every call into a plugin's code goes through here: its import through
:func:`call_plugin`, its hooks through :func:`call_hooks`, which runs a batch
of calls (one draft's checks, say) one after another in a daemon worker
thread and gives each call ``timeout`` seconds. Python cannot kill a thread,
so a call that overruns is abandoned, not stopped: it may go on running (and
using a core) until the process ends; the rest of the batch goes on in a
fresh worker. One thread per batch, and the calling thread woken once when
the batch is done (or when a call's time is up), keeps the normal path cheap:
a thread per call cost a few milliseconds a draft on a loaded machine.

``SystemExit`` and every other ``BaseException`` a plugin raises become a
:class:`PluginRaised`; only ``KeyboardInterrupt`` goes through, so that
Ctrl-C still stops factcheck.
"""

from __future__ import annotations

import contextvars
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from factcheck.plugin_output import (
    abandoned_worker_done,
    keep_redirected_while,
    plugin_output,
    redirected,
    written_by,
)

T = TypeVar("T")


class PluginCallFailed(Exception):
    """A call into a plugin did not return a result."""


class PluginRaised(PluginCallFailed):
    """The plugin raised (or exited); ``error`` is what it raised."""

    def __init__(self, error: BaseException) -> None:
        super().__init__(f"{type(error).__name__}: {error}")
        self.error = error


class PluginTimedOut(PluginCallFailed):
    """The plugin's hook did not return within the time limit and was abandoned."""


@dataclass(frozen=True)
class HookCall:
    """One call of one plugin's hook; ``function`` takes no arguments."""

    plugin: str
    hook: str
    function: Callable[[], object]


@dataclass(frozen=True)
class Outcome:
    """What a call returned, or why it did not."""

    value: object = None
    failure: PluginCallFailed | None = None


def call_plugin(plugin: str, function: Callable[[], T]) -> T:
    """Call ``function`` (an import, say) for ``plugin`` here, its output sent to stderr."""
    with plugin_output(plugin):
        try:
            return function()
        except KeyboardInterrupt:
            raise
        except BaseException as error:  # SystemExit too: a plugin must not end the run
            raise PluginRaised(error) from error


def call_hooks(calls: Sequence[HookCall], timeout: float) -> list[Outcome]:
    """Run ``calls`` in order in a worker thread, each within ``timeout`` seconds."""
    if not calls:
        return []
    outcomes: dict[int, Outcome] = {}
    start = 0
    with redirected():
        while start < len(calls):
            worker = _Worker(calls, start)
            # The worker inherits the context, hence a copy: it sets the plugin per call.
            thread = threading.Thread(
                target=contextvars.copy_context().run,
                args=(worker.run,),
                name="factcheck plugins",
                daemon=True,
            )
            thread.start()
            overran = worker.wait(timeout)
            outcomes.update(worker.outcomes)
            if overran is None:
                break
            keep_redirected_while(thread)
            call = calls[overran]
            outcomes[overran] = Outcome(
                failure=PluginTimedOut(
                    f"{call.hook} did not return within {timeout:g} seconds; the call was "
                    "abandoned (it may still be running) and the run went on without it"
                )
            )
            start = overran + 1
    for outcome in outcomes.values():
        failure = outcome.failure
        if isinstance(failure, PluginRaised) and isinstance(failure.error, KeyboardInterrupt):
            raise failure.error
    return [outcomes[index] for index in range(len(calls))]


class _Worker:
    """Runs calls from ``start`` on; abandoned, it stops at the end of its current call."""

    def __init__(self, calls: Sequence[HookCall], start: int) -> None:
        self.calls = calls
        self.outcomes: dict[int, Outcome] = {}
        self._lock = threading.Lock()
        self._current = (start, time.monotonic())  # the call under way, and when it began
        self._done = threading.Event()
        self._abandoned = False

    def run(self) -> None:
        index = self._current[0]
        while index < len(self.calls):
            call = self.calls[index]
            with written_by(call.plugin):
                outcome = _outcome_of(call.function)
            # The outcome and the next call's start in one step: wait() sees either.
            with self._lock:
                if self._abandoned:  # already reported as overrun
                    abandoned_worker_done(threading.current_thread())
                    return
                self.outcomes[index] = outcome
                index += 1
                self._current = (index, time.monotonic())
                if index == len(self.calls):
                    self._done.set()

    def wait(self, timeout: float) -> int | None:
        """Wait for the batch; return the index of a call that overran, else None."""
        while True:
            with self._lock:
                index, began = self._current
            if self._done.wait(max(0.0, began + timeout - time.monotonic())):
                return None
            with self._lock:
                if self._done.is_set():
                    return None
                if self._current == (index, began):  # the same call, past its time
                    self._abandoned = True
                    return index


def _outcome_of(function: Callable[[], object]) -> Outcome:
    try:
        return Outcome(value=function())
    except BaseException as error:  # handed to the caller, KeyboardInterrupt included
        return Outcome(failure=PluginRaised(error))
