"""The List draws the rows a filter key brings first and the rest in the next frames (issue 19):
the same rows in the same order as before once filled, an older fill's rest dropped, the cursor
kept on its person, and the first screenful there right after the key."""

from __future__ import annotations

from datetime import date, timedelta

from textual.widgets import Input

from brilliance.domain.clock import FixedClock
from brilliance.domain.models import Person
from brilliance.store.store import Store
from brilliance.widgets.people_table import PeopleTable
from brilliance.widgets.row_table import CHUNK_ROWS, FIRST_ROWS, MARGIN_ROWS
from tests.tui.test_lists_as_you_type import on_the_list, people_for
from tests.tui.waiting import filled

SIZE = (120, 40)
COUNT = 2 * SIZE[1] + 2 * CHUNK_ROWS + 30  # the first rows and three more chunks


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
    return [str(key.value) for key in table.rows]


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
        assert table.filling
        first = table.size.height + MARGIN_ROWS  # a screenful and a few
        assert drawn(table) == everyone[:first]
        assert len(everyone) > first
        await filled(pilot, table)
        assert drawn(table) == everyone


async def test_a_newer_key_drops_the_rest_of_an_older_fill(store: Store, clock: FixedClock) -> None:
    fill_network(store)
    async with on_the_list(store, clock, SIZE) as (pilot, screen, table):
        await pilot.press("w", "slash", "p", "y", "t")
        await filled(pilot, table)
        field = screen.query_one("#filter", Input)
        field.value = ""
        screen.refresh_data()  # everyone: the first rows, the rest to come...
        assert table.filling
        field.value = "pricing"
        screen.refresh_data()  # ...replaced before they came
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
        far = FIRST_ROWS + CHUNK_ROWS + 10  # a row the first chunk would not reach
        table.move_cursor(row=far, animate=False)
        person = table.selected_id
        assert person is not None
        clock.set(clock.now() + timedelta(days=1))  # a new day: every row drawn again
        screen.refresh_data()
        assert table.selected_id == person  # already, before the rest of the rows
        assert table.row_count > far
        await filled(pilot, table)
        assert table.selected_id == person
        assert drawn(table) == people_for(store, clock, "")
