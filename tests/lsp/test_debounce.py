from __future__ import annotations

import asyncio

from factcheck.lsp.debounce import Debouncer


def test_rapid_schedules_run_only_the_last() -> None:
    ran: list[int] = []

    async def scenario() -> None:
        debouncer = Debouncer(0.05)
        for number in range(5):

            async def action(number: int = number) -> None:
                ran.append(number)

            debouncer.schedule("doc", action)
            await asyncio.sleep(0.005)
        await asyncio.sleep(0.2)
        assert not debouncer.pending("doc")

    asyncio.run(scenario())
    assert ran == [4]


def test_scheduling_again_cancels_an_action_already_under_way() -> None:
    finished: list[str] = []

    async def scenario() -> None:
        debouncer = Debouncer(0)

        async def slow() -> None:
            await asyncio.sleep(0.2)
            finished.append("old")

        async def fast() -> None:
            finished.append("new")

        debouncer.schedule("doc", slow)
        await asyncio.sleep(0.05)  # the slow action is running now
        await debouncer.schedule("doc", fast)
        await asyncio.sleep(0.3)

    asyncio.run(scenario())
    assert finished == ["new"]


def test_keys_are_independent_and_cancel_forgets() -> None:
    ran: list[str] = []

    async def scenario() -> None:
        debouncer = Debouncer(0.02)

        async def record(name: str) -> None:
            ran.append(name)

        debouncer.schedule("a", lambda: record("a"))
        debouncer.schedule("b", lambda: record("b"))
        debouncer.schedule("c", lambda: record("c"))
        debouncer.cancel("c")
        await asyncio.sleep(0.1)

    asyncio.run(scenario())
    assert sorted(ran) == ["a", "b"]
