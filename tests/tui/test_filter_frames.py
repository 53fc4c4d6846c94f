"""A filter or search key draws everything it changes, once (issue 19): the rows, the count in
the title and the scrollbar's new length in the frame after the key, the scrollbars only when
what they show changed, and nothing left stale on a terminal fed only the updates, compared with
the screen drawn afresh (every kept line forgotten) after each key."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from textual.widget import Widget

from brilliance.app import BrillianceApp, make_app
from brilliance.domain.clock import FixedClock
from brilliance.domain.models import JournalEntry, Person
from brilliance.store.store import Store
from brilliance.widgets.line_table import LineTable
from tests.tui.terminal import Terminal

SIZE = (100, 30)


def fill(store: Store) -> None:
    with store.batch():
        for n in range(150):
            store.people.save(
                Person(
                    name=f"Person {n:03} with a rather long name",
                    on_list=n % 25 == 0,
                    last_met=date(2026, 1, 1) + timedelta(days=n * 7 % 200),
                    skills=["python"] if n % 3 == 0 else ["pricing"],
                    headline="A headline long enough to push the table past the screen " * 2,
                )
            )
            store.journal.save(
                JournalEntry(
                    written_at=datetime(2026, 1, 1, 8) + timedelta(hours=n),
                    text=f"entry {n:03} {'python' if n % 3 == 0 else 'pricing'} notes",
                )
            )


def forget_drawing(app: BrillianceApp) -> None:
    """Every line kept by a widget (and its scrollbars) forgotten: the next render is afresh."""
    for widget in app.screen.walk_children(Widget, with_self=True):
        widget._styles_cache.clear()
        if isinstance(widget, LineTable):
            widget._forget_drawing()
            for bar in (widget._vertical_scrollbar, widget._horizontal_scrollbar):
                if bar is not None:
                    bar._styles_cache.clear()


@pytest.mark.parametrize(
    ("mode", "open_keys"), [("people", ["w", "slash"]), ("journal", ["slash"])]
)
async def test_each_key_leaves_nothing_stale(
    store: Store, clock: FixedClock, mode: str, open_keys: list[str]
) -> None:
    fill(store)
    app = make_app(store, clock, start_mode=mode)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press(*open_keys)
        await pilot.pause()
        table = app.screen.query_one(LineTable)
        assert table.show_vertical_scrollbar and table.show_horizontal_scrollbar
        terminal = Terminal(app)
        terminal.redraw()
        lengths = set()
        for key in [*"pyt", "backspace", "backspace", "backspace", *"pr", "backspace"]:
            await pilot.press(key)
            await pilot.pause()
            lengths.add(table.vertical_scrollbar.window_virtual_size)
            forget_drawing(app)
            assert terminal.stale() == [], key
        assert len(lengths) >= 3  # the bar's length changed on the way
