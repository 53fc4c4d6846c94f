"""A tick on the prep sheet: saved, its box drawn alone (issue 19), a refused save said."""

from __future__ import annotations

import errno
import os
from datetime import datetime

import pytest

from brilliance.app import make_app
from brilliance.domain.clock import FixedClock
from brilliance.domain.models import Meeting
from brilliance.store import storage
from brilliance.store.store import Store
from brilliance.widgets.checklist import Checklist
from tests.tui.test_prep import SIZE, fresh, open_prep, seed
from tests.tui.test_start_from_summary import screen_text


def plan(store: Store) -> Meeting:
    ana = seed(store)
    return store.meetings.save(
        Meeting(person_id=ana.id, when=datetime(2026, 11, 27, 18, 30), kind="walk")
    )


async def test_ticks_are_drawn_and_every_one_is_saved(store: Store, clock: FixedClock) -> None:
    meeting = plan(store)
    app = make_app(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        ana = store.people.require(meeting.person_id)
        screen = await open_prep(pilot, app, ana)
        checklist = screen.query_one(Checklist)
        before = screen_text(app)
        first = checklist.highlighted_key
        await pilot.press("space", "down", "space")  # two ticks, one right after the other
        await pilot.pause()
        second = checklist.highlighted_key
        after = screen_text(app)
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
    async with app.run_test(size=SIZE) as pilot:
        ana = store.people.require(meeting.person_id)
        screen = await open_prep(pilot, app, ana)
        checklist = screen.query_one(Checklist)
        first = checklist.highlighted_key
        monkeypatch.setattr(storage, "atomic_write", refuse)
        await pilot.press("space")
        await pilot.pause()
        await pilot.pause()
        assert [n.title for n in app._notifications] == ["Not saved"]
        assert store.path.read_bytes() == on_disk  # the file as it was
        # The sheet shows what the store holds: the tick, kept in memory for the next save.
        assert store.unsaved and first in checklist.checked
        monkeypatch.undo()
        await pilot.press("down", "space")
        await pilot.pause()
        second = checklist.highlighted_key
    with fresh(store) as again:
        assert set(again.meetings.require(meeting.id).prep.checked) == {first, second}
