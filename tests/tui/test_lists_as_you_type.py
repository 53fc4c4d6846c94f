"""What a person sees while typing a List filter or a Journal search (issue 19: only the lines
on screen are drawn, the others as they scroll into view), at 80x24 and 120x40: the right rows
in the right order on screen, every row reached walking down, page by page or at the bottom
(nothing missing, nothing twice), the cursor kept on its row, the counts right."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import date, datetime, timedelta

import pytest
from textual.pilot import Pilot
from textual.widgets import Static

from brilliance.app import make_app
from brilliance.domain.cadence import matches_filter, sort_people
from brilliance.domain.clock import FixedClock
from brilliance.domain.journal import JournalFilter, JournalIndex
from brilliance.domain.models import JournalEntry, Person
from brilliance.screens.journal import JournalScreen
from brilliance.screens.journal_table import EntriesTable
from brilliance.screens.people import PeopleScreen
from brilliance.store.store import Store
from brilliance.widgets.people_table import PeopleTable

Table = PeopleTable | EntriesTable
SIZES = [(80, 24), (120, 40)]
PEOPLE = 180
ENTRIES = 400


def fill_network(store: Store) -> None:
    """PEOPLE people met on different days, two in three with "pricing" among their skills."""
    with store.batch():
        for n in range(PEOPLE):
            store.people.save(
                Person(
                    name=f"Person {n:03}",
                    on_list=n % 25 == 0,
                    last_met=date(2026, 1, 1) + timedelta(days=n * 7 % 200),
                    skills=["python"] if n % 3 == 0 else ["pricing"],
                )
            )


def fill_journal(store: Store) -> None:
    """ENTRIES entries an hour apart, every fourth one about the tide, the others calm."""
    with store.batch():
        for n in range(ENTRIES):
            store.journal.save(
                JournalEntry(
                    written_at=datetime(2026, 1, 1, 8) + timedelta(hours=n),
                    text=f"entry {n:03} {'tide' if n % 4 == 0 else 'calm'}",
                )
            )


@asynccontextmanager
async def on_the_list(
    store: Store, clock: FixedClock, size: tuple[int, int]
) -> AsyncIterator[tuple[Pilot[str], PeopleScreen, PeopleTable]]:
    """The app started on the List: its pilot, its screen and its table."""
    app = make_app(store, clock, start_mode="people")
    async with app.run_test(size=size) as pilot:
        screen = app.screen
        assert isinstance(screen, PeopleScreen)
        yield pilot, screen, screen.query_one(PeopleTable)


def people_for(store: Store, clock: FixedClock, query: str) -> list[str]:
    """The wider network's rows for ``query``, by the domain's own definitions."""
    people = [p for p in store.people.all() if matches_filter(p, query)]
    return [p.id for p in sort_people(people, PeopleScreen().order, clock.today())]


def entries_for(store: Store, words: str) -> list[str]:
    return [e.id for e in JournalIndex().search(store.journal.all(), JournalFilter(words))]


def on_screen(table: Table) -> list[str]:
    """The text of each row line as drawn (the header line left out)."""
    return [table.render_line(y).text for y in range(1, table.size.height)]


def check_screen(table: Table, ids: list[str], names: dict[str, str]) -> None:
    """The lines on screen show the rows ``ids`` from the table's scroll position on."""
    top = round(table.scroll_y)
    lines = on_screen(table)
    shown = ids[top : top + len(lines)]
    assert shown, "no row on screen"
    for line, row_id in zip(lines, shown, strict=False):
        assert names[row_id] in line, (names[row_id], line)


def title(screen: object) -> str:
    return str(screen.query_one("#title", Static).render())  # type: ignore[attr-defined]


async def walk_down(pilot: Pilot[str], table: Table, rows: int) -> list[str]:
    """The row under the cursor at the top and after each of ``rows - 1`` presses of down."""
    seen = [str(table.selected_id)]
    for _ in range(rows - 1):
        await pilot.press("down")
        seen.append(str(table.selected_id))
    return seen


async def pages_down(pilot: Pilot[str], table: Table, ids: list[str]) -> None:
    """Page down from the top to the bottom: each screen shows the rows where it stands."""
    seen: set[int] = set()
    for _ in range(len(ids)):
        top = round(table.scroll_y)
        seen.update(range(top, min(len(ids), top + table.size.height - 1)))
        if table.cursor_row == len(ids) - 1:
            break
        await pilot.press("pagedown")
    assert seen == set(range(len(ids))), "rows never on screen paging down"


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
async def test_list_filter_rows_on_screen_and_every_row_below(
    store: Store, clock: FixedClock, size: tuple[int, int]
) -> None:
    fill_network(store)
    names = {p.id: p.name for p in store.people.all()}
    async with on_the_list(store, clock, size) as (pilot, screen, table):
        await pilot.press("w", "slash", "p", "r")  # typed in a burst
        wanted = people_for(store, clock, "pr")
        assert len(wanted) == 120
        assert table.person_ids == wanted
        assert title(screen).endswith(f"· {PEOPLE} people · ★ on the list · 120 match")
        check_screen(table, wanted, names)
        await pilot.press("enter")  # to the rows
        await pages_down(pilot, table, wanted)
        check_screen(table, wanted, names)  # the last screenful, at the bottom
        await pilot.press("ctrl+home")
        assert table.selected_id == wanted[0]
        check_screen(table, wanted, names)
        await pilot.press("ctrl+end")
        assert table.selected_id == wanted[-1]
        assert list(table.row_keys) == wanted  # once each, in order


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
async def test_list_bottom_key_reaches_the_last_row_straight_after_typing(
    store: Store, clock: FixedClock, size: tuple[int, int]
) -> None:
    fill_network(store)
    names = {p.id: p.name for p in store.people.all()}
    async with on_the_list(store, clock, size) as (pilot, _screen, table):
        await pilot.press("w", "slash", "p", "enter", "ctrl+end")
        wanted = people_for(store, clock, "p")
        assert table.selected_id == wanted[-1]
        check_screen(table, wanted, names)
        await pilot.press("up")
        assert table.selected_id == wanted[-2]


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
async def test_list_cursor_stays_on_its_person_while_the_filter_changes(
    store: Store, clock: FixedClock, size: tuple[int, int]
) -> None:
    fill_network(store)
    names = {p.id: p.name for p in store.people.all()}
    async with on_the_list(store, clock, size) as (pilot, screen, table):
        await pilot.press("w", "slash", "p", "r", "enter")
        await pilot.press("pagedown", "pagedown", "pagedown", "pagedown", "pagedown", "up")
        person = table.selected_id
        far = table.cursor_row
        assert far > 2 * table.size.height  # below the first rows a fill adds
        assert person == people_for(store, clock, "pr")[far]
        steps = [(["slash", "end", "i"], "pri"), (["backspace"], "pr"), (["ctrl+u"], "")]
        for keys, query in steps:
            await pilot.press(*keys)
            assert screen.filter_text == query
            wanted = people_for(store, clock, query)
            assert table.selected_id == person, query
            assert table.cursor_row == wanted.index(person)
            top = round(table.scroll_y)
            assert top <= table.cursor_row < top + table.size.height - 1, "cursor off screen"
            check_screen(table, wanted, names)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
async def test_journal_search_rows_on_screen_and_every_row_below(
    store: Store, clock: FixedClock, size: tuple[int, int]
) -> None:
    fill_journal(store)
    texts = {e.id: e.text for e in store.journal.all()}
    app = make_app(store, clock, start_mode="journal")
    async with app.run_test(size=size) as pilot:
        screen = app.screen
        assert isinstance(screen, JournalScreen)
        table = screen.query_one(EntriesTable)
        await pilot.press("slash", *"tide")
        wanted = entries_for(store, "tide")
        assert len(wanted) == 100
        assert table.entry_ids == wanted
        assert title(screen) == f"Journal · {ENTRIES} entries · 100 match"
        check_screen(table, wanted, texts)
        await pilot.press("enter")
        await pages_down(pilot, table, wanted)
        assert table.selected_id == wanted[-1]
        check_screen(table, wanted, texts)
        # Erased: every entry again, the cursor kept on the oldest tide entry.
        await pilot.press("slash", *["backspace"] * 4)
        everything = entries_for(store, "")
        assert table.selected_id == wanted[-1]
        assert table.cursor_row == everything.index(wanted[-1])
        assert title(screen) == f"Journal · {ENTRIES} entries"
        check_screen(table, everything, texts)
        await pilot.press("enter", "ctrl+end")
        assert table.selected_id == everything[-1]
        check_screen(table, everything, texts)
        assert list(table.row_keys) == everything


async def test_journal_walking_down_after_a_search_meets_each_entry_once(
    store: Store, clock: FixedClock
) -> None:
    fill_journal(store)
    app = make_app(store, clock, start_mode="journal")
    async with app.run_test(size=SIZES[0]) as pilot:
        screen = app.screen
        assert isinstance(screen, JournalScreen)
        table = screen.query_one(EntriesTable)
        await pilot.press("slash", *"tide", "enter")
        wanted = entries_for(store, "tide")
        assert await walk_down(pilot, table, len(wanted)) == wanted
        await pilot.press("down")  # at the bottom: stays on the last row
        assert table.selected_id == wanted[-1]
        await pilot.press("slash", "end", *["backspace"] * 4, *"calm", "enter", "ctrl+end")
        calm = entries_for(store, "calm")
        assert len(calm) == 300
        assert f"· {ENTRIES} entries · 300 match, newest 200 shown" in title(screen)
        assert table.selected_id == calm[199]
        assert list(table.row_keys) == calm[:200]


async def test_list_keeps_the_cursor_on_a_person_far_below_the_screen(
    store: Store, clock: FixedClock
) -> None:
    fill_network(store)
    async with on_the_list(store, clock, SIZES[0]) as (pilot, screen, table):
        await pilot.press("w")
        everyone = people_for(store, clock, "")
        assert table.row_count == len(everyone)
        screen.refresh_data(keep=everyone[-1])  # nothing changed: the rows are kept
        assert table.selected_id == everyone[-1]
