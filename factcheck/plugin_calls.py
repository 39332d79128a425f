"""Calling into a plugin so that nothing it does can end or hang the run.

Every call into a plugin's code goes through here: its imports through
:func:`call_plugin`, its hooks through :func:`call_hook`, which also runs the
call in a daemon worker thread with a time limit. Python cannot kill a
thread, so a hook that overruns is abandoned, not stopped: it may go on
running (and using a core) until the process ends, and the run goes on
without its result. Starting a thread costs well under a millisecond, next
to the tens of milliseconds a draft's analysis takes, so every hook call
gets one.

``SystemExit`` and every other ``BaseException`` a plugin raises become a
:class:`PluginRaised`; only ``KeyboardInterrupt`` goes through, so that
Ctrl-C still stops factcheck.
"""

from __future__ import annotations

import contextvars
import threading
from collections.abc import Callable
from typing import TypeVar, cast

from factcheck.plugin_output import keep_redirected_while, plugin_output

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


def call_plugin(plugin: str, function: Callable[[], T]) -> T:
    """Call ``function`` (an import, say) for ``plugin``, its output sent to stderr."""
    with plugin_output(plugin):
        try:
            return function()
        except KeyboardInterrupt:
            raise
        except BaseException as error:  # SystemExit too: a plugin must not end the run
            raise PluginRaised(error) from error


def call_hook(plugin: str, hook: str, function: Callable[[], T], timeout: float) -> T:
    """Call a plugin's hook in a worker thread; give up after ``timeout`` seconds."""
    outcome: list[tuple[bool, object]] = []

    def run() -> None:
        try:
            outcome.append((True, function()))
        except BaseException as error:  # handed to the caller below
            outcome.append((False, error))

    with plugin_output(plugin):
        # The worker inherits the context, hence the plugin whose output it is.
        context = contextvars.copy_context()
        worker = threading.Thread(
            target=context.run, args=(run,), name=f"factcheck plugin {plugin}", daemon=True
        )
        worker.start()
        worker.join(timeout)
        if worker.is_alive():
            keep_redirected_while(worker)
            raise PluginTimedOut(
                f"{hook} did not return within {timeout:g} seconds; the call was "
                "abandoned (it may still be running) and the run went on without it"
            )
    [(returned, value)] = outcome
    if returned:
        return cast(T, value)
    error = cast(BaseException, value)
    if isinstance(error, KeyboardInterrupt):
        raise error
    raise PluginRaised(error) from error
