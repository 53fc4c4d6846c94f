"""A tick on the prep sheet: drawn at once, its box alone, and written in the next pause of the
input (issue 19: brilliance.write_behind); a refused write said and made by the next save."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from datetime import datetime
from typing import Any

import pytest
from textual.pilot import Pilot

from brilliance import write_behind
from brilliance.app import BrillianceApp, make_app
from brilliance.domain.clock import FixedClock
from brilliance.domain.models import Meeting
from brilliance.store import storage
from brilliance.store.store import Store
from brilliance.widgets.checklist import Checklist
from tests.tui.terminal import Terminal
from tests.tui.test_prep import SIZE, fresh, open_prep, seed
from tests.tui.test_start_from_summary import screen_text


async def until(pilot: Pilot[Any], holds: Callable[[], bool]) -> None:
    """Wait for ``holds`` as long as a slow machine may need: the write waits for a pause."""
    for _ in range(200):
        if holds():
            return
        await pilot.pause(0.05)
    raise AssertionError("it never happened")


class Pause:
    """Says when the input pauses, in place of the clock (no test depends on a machine's speed)."""

    def __init__(self, app: BrillianceApp, monkeypatch: pytest.MonkeyPatch) -> None:
        self.now = False
        monkeypatch.setattr(write_behind, "MOST_SECONDS", float("inf"))
        monkeypatch.setattr(app.write_behind, "_paused", lambda: self.now)


def plan(store: Store) -> Meeting:
    ana = seed(store)
    return store.meetings.save(
        Meeting(person_id=ana.id, when=datetime(2026, 11, 27, 18, 30), kind="walk")
    )


async def test_ticks_are_drawn_at_once_and_written_together_in_the_pause(
    store: Store, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    meeting = plan(store)
    on_disk = store.path.read_bytes()
    app = make_app(store, clock)
    pause = Pause(app, monkeypatch)
    async with app.run_test(size=SIZE) as pilot:
        ana = store.people.require(meeting.person_id)
        screen = await open_prep(pilot, app, ana)
        checklist = screen.query_one(Checklist)
        before = screen_text(app)
        first = checklist.highlighted_key
        saves = store.storage.saves
        terminal = Terminal(app)
        terminal.redraw()
        await pilot.press("space", "down", "space")  # two ticks, one right after the other
        await pilot.pause()
        # Only the ticked lines and the count are drawn again: nothing left stale on a terminal.
        assert terminal.stale() == []
        second = checklist.highlighted_key
        after = screen_text(app)
        await pilot.pause(0.3)  # more than one look of the app's timer
        assert store.path.read_bytes() == on_disk and store.unsaved  # keys coming: not yet
        pause.now = True
        await until(pilot, lambda: not store.unsaved)
        assert store.storage.saves == saves + 1  # both in one write
    assert first is not None and second is not None and first != second
    changed = [(old, new) for old, new in zip(before, after, strict=True) if old != new]
    header, *ticked = changed  # the meeting's line counts the ticks; two boxes ticked
    assert header[0].endswith("0 of 17 ticked") and header[1].endswith("2 of 17 ticked")
    assert len(ticked) == 2
    assert all("☐" in old and old.replace("☐", "☑", 1) == new for old, new in ticked)
    with fresh(store) as again:
        assert set(again.meetings.require(meeting.id).prep.checked) == {first, second}


async def test_a_tick_the_disk_refuses_is_said_and_written_by_the_next_save(
    store: Store, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    meeting = plan(store)
    on_disk = store.path.read_bytes()

    def refuse(*_: object, **__: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    app = make_app(store, clock)
    Pause(app, monkeypatch).now = True
    async with app.run_test(size=SIZE) as pilot:
        ana = store.people.require(meeting.person_id)
        screen = await open_prep(pilot, app, ana)
        checklist = screen.query_one(Checklist)
        first = checklist.highlighted_key
        monkeypatch.setattr(storage, "atomic_write", refuse)
        await pilot.press("space")
        await until(pilot, lambda: bool(app._notifications))
        assert [n.title for n in app._notifications] == ["Not saved"]
        assert store.path.read_bytes() == on_disk  # the file as it was
        # The sheet shows what the store holds: the tick, kept in memory for the next save.
        assert store.unsaved and first in checklist.checked
        monkeypatch.undo()
        await pilot.press("down", "space")
        await until(pilot, lambda: not store.unsaved)
        second = checklist.highlighted_key
    with fresh(store) as again:
        assert set(again.meetings.require(meeting.id).prep.checked) == {first, second}
