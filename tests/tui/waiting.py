"""Waiting in a headless app for what comes after the next frames: a load, a fill, a poll."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.pilot import Pilot

from brilliance.widgets.line_table import LineTable


async def wait_until(
    pilot: Pilot[Any], ready: Callable[[], bool], *, steps: int = 200, seconds: float = 0.05
) -> bool:
    """Pause until ``ready()`` holds, at most ``steps`` pauses of ``seconds``; whether it does."""
    for _ in range(steps):
        if ready():
            return True
        await pilot.pause(seconds)
    return ready()


async def filled(pilot: Pilot[Any], table: LineTable) -> None:
    """Wait for the rest of a fill (it starts once no key came for a moment)."""
    if not await wait_until(pilot, lambda: not table.filling, steps=500, seconds=0.01):
        raise AssertionError("the fill never finished")
