"""The List's rows after a filter key (issue 19): every row at once, in order, right after the
key, a newer key's rows replacing an older one's whole, the cursor kept on its person."""

from __future__ import annotations

from datetime import date, timedelta

from textual.widgets import Input

from brilliance.domain.clock import FixedClock
from brilliance.domain.models import Person
from brilliance.store.store import Store
from brilliance.widgets.people_table import PeopleTable
from tests.tui.test_lists_as_you_type import on_the_list, people_for
from tests.tui.waiting import filled

SIZE = (120, 40)
COUNT = 2 * SIZE[1] + 130  # a few screenfuls
FAR = 2 * SIZE[1] + 20
"""A row far below the first screenful."""


def fill_network(store: Store) -> None:
    """COUNT people met on different days, every third one knowing Python (as "Pýthon")."""
    with store.batch():
        for n in range(COUNT):
            store.people.save(
                Person(
                    name=f"Person {n:03}",
                    on_list=n % 10 == 0,
                    last_met=date(2026, 1, 1) + timedelta(days=n * 7 % 200),
                    skills=["Pýthon"] if n % 3 == 0 else ["pricing"],
                )
            )


def drawn(table: PeopleTable) -> list[str]:
    return list(table.row_keys)


async def test_filter_keys_show_the_same_rows_in_order_once_filled(
    store: Store, clock: FixedClock
) -> None:
    fill_network(store)
    async with on_the_list(store, clock, SIZE) as (pilot, screen, table):
        await pilot.press("w", "slash")
        await filled(pilot, table)
        assert drawn(table) == people_for(store, clock, "")
        for typed in ["p", "py", "pyt", "py", "p", ""]:
            screen.query_one("#filter", Input).value = typed
            await pilot.pause()
            await filled(pilot, table)
            assert drawn(table) == table.person_ids == people_for(store, clock, typed), typed
        assert len(people_for(store, clock, "pyt")) < COUNT < len(people_for(store, clock, "")) + 1


async def test_the_first_screenful_is_there_right_after_the_key(
    store: Store, clock: FixedClock
) -> None:
    fill_network(store)
    async with on_the_list(store, clock, SIZE) as (pilot, screen, table):
        await pilot.press("w", "slash", "p", "y")
        await filled(pilot, table)
        field = screen.query_one("#filter", Input)
        field.value = "p"  # what a key does, handled right here, before any frame
        screen.refresh_data()
        everyone = people_for(store, clock, "p")
        assert not table.filling
        assert drawn(table) == everyone
        assert len(everyone) > table.size.height
        await pilot.pause()
        names = [store.people.require(i).name for i in everyone[: table.size.height - 1]]
        lines = [table.render_line(y).text for y in range(1, table.size.height)]
        assert [name in line for name, line in zip(names, lines, strict=True)] == [True] * len(
            names
        )


async def test_a_newer_key_drops_the_rest_of_an_older_fill(store: Store, clock: FixedClock) -> None:
    fill_network(store)
    async with on_the_list(store, clock, SIZE) as (pilot, screen, table):
        await pilot.press("w", "slash", "p", "y", "t")
        await filled(pilot, table)
        field = screen.query_one("#filter", Input)
        field.value = ""
        screen.refresh_data()  # everyone...
        field.value = "pricing"
        screen.refresh_data()  # ...replaced before the next frame
        await filled(pilot, table)
        await pilot.pause()
        assert drawn(table) == people_for(store, clock, "pricing")


async def test_the_cursor_stays_on_its_person_far_down_the_list(
    store: Store, clock: FixedClock
) -> None:
    fill_network(store)
    async with on_the_list(store, clock, SIZE) as (pilot, screen, table):
        await pilot.press("w")
        await filled(pilot, table)
        far = FAR
        table.move_cursor(row=far, animate=False)
        person = table.selected_id
        assert person is not None
        clock.set(clock.now() + timedelta(days=1))  # a new day: every row drawn again
        screen.refresh_data()
        assert table.selected_id == person  # already, before the next frame
        assert table.row_count > far
        await filled(pilot, table)
        assert table.selected_id == person
        assert drawn(table) == people_for(store, clock, "")
