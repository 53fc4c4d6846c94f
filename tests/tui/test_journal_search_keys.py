"""A Journal search key draws what changed only (issue 19): the key that erases a letter shows
again the rows of a search typed a moment ago without drawing them again, and what is shown is
still what the entries hold (an edit, the theme's highlight)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest

import brilliance.widgets.line_cells as line_cells
import brilliance.widgets.line_table as line_table
from brilliance.app import make_app
from brilliance.domain.clock import FixedClock
from brilliance.domain.models import JournalEntry, updated
from brilliance.screens.journal import JournalScreen
from brilliance.screens.journal_table import EntriesTable
from brilliance.store.store import Store
from tests.tui.waiting import wait_until

SIZE = (120, 30)


def fill_journal(store: Store) -> None:
    with store.batch():
        for n in range(120):
            store.journal.save(
                JournalEntry(
                    written_at=datetime(2026, 1, 1, 8) + timedelta(hours=n),
                    text=f"entry {n:03} {'tidal' if n % 2 else 'tide'} and more words",
                )
            )


def shown(table: EntriesTable) -> list[str]:
    """The table's lines as on screen now (drawn or kept)."""
    return [table.render_line(y).text for y in range(table.size.height)]


class Drawn:
    """Counts the table lines drawn (not taken from those kept)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.count = 0
        draw = line_cells.draw_line

        def counted(*args: Any, **kwargs: Any) -> Any:
            self.count += 1
            return draw(*args, **kwargs)

        monkeypatch.setattr(line_table, "draw_line", counted)


async def test_erasing_a_letter_shows_the_rows_kept_from_typing_it(
    store: Store, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill_journal(store)
    app = make_app(store, clock, start_mode="journal")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, JournalScreen)
        table = screen.query_one(EntriesTable)
        await pilot.press("slash", *"tida")
        await pilot.pause()
        seen = {"tida": shown(table)}
        assert "tidal" in seen["tida"][1] and len(table.entry_ids) == 60
        await pilot.press("l")
        await pilot.pause()
        seen["tidal"] = shown(table)
        drawn = Drawn(monkeypatch)
        await pilot.press("backspace")
        await pilot.pause()
        assert screen.filter.words == "tida"
        assert shown(table) == seen["tida"]
        assert drawn.count == 0  # every line as kept
        await pilot.press("l")
        await pilot.pause()
        assert shown(table) == seen["tidal"]
        assert drawn.count == 0
        await pilot.press(*["backspace"] * 5, "m", "o")  # a search not typed before
        await pilot.pause()
        assert screen.filter.words == "mo" and len(table.entry_ids) == 120
        assert drawn.count >= table.size.height - 1


async def test_an_edited_entry_is_drawn_anew(store: Store, clock: FixedClock) -> None:
    fill_journal(store)
    app = make_app(store, clock, start_mode="journal")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, JournalScreen)
        table = screen.query_one(EntriesTable)
        await pilot.press("slash", *"tidal")
        await pilot.pause()
        newest = store.journal.require(table.entry_ids[0])
        assert "entry 119 tidal" in shown(table)[1]
        store.journal.save(
            updated(newest, text="entry 119 tidal, rewritten", updated_at=newest.updated_at)
        )
        screen.refresh_data()
        await pilot.pause()
        assert "entry 119 tidal, rewritten" in shown(table)[1]


async def test_a_new_theme_draws_the_highlight_in_its_accent(
    store: Store, clock: FixedClock
) -> None:
    fill_journal(store)
    app = make_app(store, clock, start_mode="journal")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        table = app.screen.query_one(EntriesTable)
        await pilot.press("slash", *"tidal")
        await pilot.pause()

        def highlight() -> str:
            line = table.render_line(1)
            return next(str(s.style.bgcolor) for s in line if s.text == "tidal" and s.style)

        before = highlight()
        app.theme = "textual-light" if app.theme != "textual-light" else "textual-dark"
        assert await wait_until(pilot, lambda: highlight() != before)
