"""The Journal's rows after a fill (issue 19): every row at once, in order, the cursor kept on
its entry far down the list, a newer fill replacing an older one whole."""

from __future__ import annotations

from datetime import datetime, timedelta

from brilliance.app import make_app
from brilliance.domain.clock import FixedClock
from brilliance.domain.models import JournalEntry
from brilliance.screens.journal import SEARCH_ROWS, JournalScreen
from brilliance.screens.journal_table import EntriesTable
from brilliance.store.store import Store
from tests.tui.waiting import filled

SIZE = (120, 40)
FAR = SEARCH_ROWS + 20
"""A row far below the first screenful."""
COUNT = SEARCH_ROWS + 100


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
        assert list(table.row_keys) == ids  # the rows as drawn
        far = ids[FAR]
        table.move_cursor(row=FAR, animate=False)
        screen.refresh_data()
        assert table.selected_id == far  # already, before the next frame
        await pilot.pause()
        top = round(table.scroll_y)
        assert top <= FAR < top + table.size.height - 1  # and in view
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
        screen.refresh_data()  # two full fills, one after the other: the second's rows,
        screen.refresh_data()  # once each
        await filled(pilot, table)
        assert list(table.row_keys) == ids
        screen.refresh_data()  # a full fill...
        await pilot.press("slash", *"tide")  # ...replaced by a search
        await filled(pilot, table)
        tide = [i for i in ids if "tide" in store.journal.get(i).text]  # type: ignore[union-attr]
        assert table.entry_ids == tide[:SEARCH_ROWS]
        assert list(table.row_keys) == tide[:SEARCH_ROWS]


async def test_columns_stay_put_while_a_search_narrows_the_rows(
    store: Store, clock: FixedClock
) -> None:
    store.journal.save(JournalEntry(written_at=datetime(2026, 1, 1, 8), text="tide", tags=["sea"]))
    store.journal.save(
        JournalEntry(
            written_at=datetime(2026, 1, 2, 8), text="calm", tags=["averylongtag", "another"]
        )
    )
    app = make_app(store, clock, start_mode="journal")
    async with app.run_test(size=SIZE) as pilot:
        table = app.screen.query_one(EntriesTable)
        await pilot.pause()
        before = table.widths
        assert before[2] == len("#averylongtag #another")
        await pilot.press("slash", *"tide")
        await pilot.pause()
        assert table.entry_ids and len(table.entry_ids) == 1
        assert table.widths == before
