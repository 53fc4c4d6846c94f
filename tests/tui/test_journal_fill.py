"""The Journal adds its first rows before the next frame and the rest right after (issue 19):
the same rows in the same order as one fill, the cursor kept, an older fill's rest dropped."""

from __future__ import annotations

from datetime import datetime, timedelta

from brilliance.app import make_app
from brilliance.domain.clock import FixedClock
from brilliance.domain.models import JournalEntry
from brilliance.screens.journal import SEARCH_ROWS, EntriesTable, JournalScreen
from brilliance.store.store import Store
from brilliance.widgets.row_table import FIRST_ROWS
from tests.tui.waiting import filled

SIZE = (120, 40)
COUNT = SEARCH_ROWS + FIRST_ROWS + 50


def fill_journal(store: Store) -> list[str]:
    """COUNT entries, every third one mentioning 'tide'; their ids newest first."""
    with store.batch():
        for n in range(COUNT):
            store.journal.save(
                JournalEntry(
                    written_at=datetime(2026, 1, 1, 8) + timedelta(hours=n),
                    text=f"entry {n} {'tide' if n % 3 == 0 else 'calm'}",
                )
            )
    newest_first = sorted(store.journal, key=lambda e: e.written_at, reverse=True)
    return [e.id for e in newest_first]


async def test_every_row_arrives_in_order_and_the_cursor_is_kept(
    store: Store, clock: FixedClock
) -> None:
    ids = fill_journal(store)
    app = make_app(store, clock, start_mode="journal")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, JournalScreen)
        table = screen.query_one(EntriesTable)
        await filled(pilot, table)
        assert table.entry_ids == ids
        assert [str(key.value) for key in table.rows] == ids  # the rows as drawn
        far = ids[FIRST_ROWS + 20]  # among the rows added after the frame
        table.move_cursor(row=FIRST_ROWS + 20, animate=False)
        screen.refresh_data()
        assert table.selected_id == far  # already, before the rest of the rows
        await filled(pilot, table)
        assert table.row_count == COUNT
        assert table.selected_id == far


async def test_a_newer_fill_drops_the_rest_of_an_older_one(store: Store, clock: FixedClock) -> None:
    ids = fill_journal(store)
    app = make_app(store, clock, start_mode="journal")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, JournalScreen)
        table = screen.query_one(EntriesTable)
        screen.refresh_data()  # two full fills, one after the other: only the second's
        screen.refresh_data()  # rest may arrive, or rows would be added twice
        await filled(pilot, table)
        assert [str(key.value) for key in table.rows] == ids
        screen.refresh_data()  # a full fill, its rest still to come...
        await pilot.press("slash", *"tide")  # ...replaced by a search before it arrives
        await filled(pilot, table)
        tide = [i for i in ids if "tide" in store.journal.get(i).text]  # type: ignore[union-attr]
        assert table.entry_ids == tide[:SEARCH_ROWS]
        assert [str(key.value) for key in table.rows] == tide[:SEARCH_ROWS]
