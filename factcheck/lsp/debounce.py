"""Debouncing: while an editor sends a change per keystroke, check only the latest text.

Each key (a document URI) has at most one scheduled action. Scheduling again
cancels the one before, whether it is still waiting out its delay or already
waiting for its check: so checks never pile up, and the result of an older
text is never published over a newer one.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

Action = Callable[[], Awaitable[None]]


class Debouncer:
    def __init__(self, delay: float) -> None:
        self.delay = delay
        self._pending: dict[str, asyncio.Task[None]] = {}

    def schedule(
        self, key: str, action: Action, *, delay: float | None = None
    ) -> asyncio.Task[None]:
        """Run ``action`` after ``delay`` seconds (default: the debounce delay),
        unless ``key`` is scheduled again or cancelled before it finishes."""
        self.cancel(key)
        wait = self.delay if delay is None else delay
        task = asyncio.get_running_loop().create_task(self._run(key, action, wait))
        self._pending[key] = task
        return task

    def cancel(self, key: str) -> None:
        task = self._pending.pop(key, None)
        if task is not None:
            task.cancel()

    def pending(self, key: str) -> bool:
        return key in self._pending

    async def _run(self, key: str, action: Action, wait: float) -> None:
        try:
            if wait > 0:
                await asyncio.sleep(wait)
            await action()
        finally:
            # Only forget our own entry: a newer task may have taken the key.
            if self._pending.get(key) is asyncio.current_task():
                del self._pending[key]
