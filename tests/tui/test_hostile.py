"""Hostile text in every field, failing disks and changed files, as a person would meet them."""

from __future__ import annotations

import errno
import os
from datetime import date, datetime

import orjson
import pytest

from brilliance.app import make_app
from brilliance.domain.clock import FixedClock
from brilliance.domain.journal import with_text
from brilliance.domain.models import (
    Event,
    FollowUp,
    JournalEntry,
    Meeting,
    MeetingStatus,
    Person,
    ValueItem,
    ValueKind,
)
from brilliance.screens.person import PersonScreen
from brilliance.store import storage
from brilliance.store.store import Store

SIZE = (120, 40)
HOSTILE = [
    "[bold red]not bold[/] [link=http://x]click[/link] $accent",
    "x" * 5000,
    "tab\tbell\x07escape\x1b[31m null\x00 end",
    "שלום עולם مرحبا بالعالم",
    "emoji 👩🏽‍💻🚀 and a lone \ud800 surrogate",
    "line one\nline two\r\nline three",
]


def hostile_store(store: Store) -> Person:
    text = " / ".join(HOSTILE)
    person = store.people.save(
        Person(
            name="[b]Markup[/b] Person 👩🏽‍💻 \ud800",
            headline=HOSTILE[0],
            organisation=HOSTILE[3],
            skills=[HOSTILE[0], HOSTILE[4]],
            interests=[HOSTILE[4]],
            goals=[HOSTILE[0], "raise [money]"],
            aspirations=text,
            how_i_can_help=HOSTILE[2],
            notes=text,
            wins=[HOSTILE[0]],
            tags=[HOSTILE[3][:20]],
            on_list=True,
            last_met=date(2026, 11, 1),
            partnership_prospect=True,
        )
    )
    store.meetings.save(
        Meeting(
            person_id=person.id,
            when=datetime(2026, 11, 1, 9),
            status=MeetingStatus.DONE,
            notes=text,
            place=HOSTILE[0],
            kind=HOSTILE[3][:10],
            questions_asked=[HOSTILE[0]],
            value_given=[ValueItem(kind=ValueKind.INFORMATION, note=HOSTILE[2])],
        )
    )
    store.followups.save(FollowUp(person_id=person.id, text=HOSTILE[0], due=date(2026, 11, 20)))
    store.events.save(Event(title=HOSTILE[0], day=date(2026, 12, 1), topics=[HOSTILE[0]]))
    entry = JournalEntry(written_at=datetime(2026, 11, 23, 8), prompt=HOSTILE[0])
    store.journal.save(with_text(entry, f"@{person.name} {text}", [person]))
    return person


async def test_every_screen_shows_hostile_text_as_typed(store: Store, clock: FixedClock) -> None:
    person = hostile_store(store)
    app = make_app(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for key in ("1", "2", "4"):
            await pilot.press(key)
            await pilot.pause()
        await pilot.press("2", "enter")
        await pilot.pause()
        assert isinstance(app.screen, PersonScreen)
        shown = str(app.screen.query_one("#sections").render())
        assert "[bold red]not bold[/]" in shown  # markup shown as typed, never interpreted
        assert "\x1b" not in app.screen.query_one("#name").render().plain  # type: ignore[attr-defined]
        await app.prepare(person.id)
        await pilot.pause()
        await pilot.press("P")
        await pilot.pause()
        await pilot.press("escape", "v")
        await pilot.pause()
        await pilot.press("escape", "4", "enter")
        await pilot.pause()
        await pilot.press("escape", "slash", *"[bold")
        await pilot.pause()
        svg = app.export_screenshot()
        assert "[bold" in svg.replace("&#160;", " ")
    # Stored as typed (lone surrogates replaced, nothing else).
    raw = orjson.loads(store.path.read_bytes())
    saved = next(iter(raw["people"].values()))
    assert saved["headline"] == HOSTILE[0]
    assert saved["notes"].count("x" * 5000) == 1
    assert "\ufffd" in saved["name"]


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EIO])
async def test_a_failed_save_says_not_saved_and_keeps_the_edit(
    store: Store, clock: FixedClock, monkeypatch: pytest.MonkeyPatch, code: int
) -> None:
    store.people.save(Person(name="Ana", on_list=True))
    before = store.path.read_bytes()

    def broken_fsync(fd: int) -> None:
        raise OSError(code, os.strerror(code))

    app = make_app(store, clock, start_mode="people")
    async with app.run_test(size=SIZE) as pilot:
        monkeypatch.setattr(storage.os, "fsync", broken_fsync)
        await pilot.press("m")  # move Ana off the list
        await pilot.pause()
        messages = [(n.title, n.message, n.severity) for n in app._notifications]
        assert any(
            t == "Not saved" and os.strerror(code) in m and s == "error" for t, m, s in messages
        )
        assert store.path.read_bytes() == before
        assert store.unsaved
        monkeypatch.undo()
        await pilot.press("a", *"Bo", "ctrl+s")  # the next save works and carries both
        await pilot.pause()
    raw = orjson.loads(store.path.read_bytes())
    by_name = {r["name"]: r for r in raw["people"].values()}
    assert by_name["Ana"]["on_list"] is False
    assert "Bo" in by_name
