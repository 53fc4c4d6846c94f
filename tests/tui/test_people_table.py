"""The List's table rebuilds its rows only when what it shows has changed."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from brilliance.app import make_app
from brilliance.domain.clock import FixedClock
from brilliance.domain.models import Person, updated
from brilliance.screens.people import PeopleScreen
from brilliance.store.store import Store
from brilliance.widgets.people_table import PeopleTable


async def test_same_people_same_rows_without_a_rebuild(store: Store, clock: FixedClock) -> None:
    for name in ("Ana Lima", "Bo Chen", "Cy Diaz"):
        store.people.save(Person(name=name, on_list=True, skills=["python"]))
    app = make_app(store, clock, start_mode="people")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, PeopleScreen)
        table = screen.query_one(PeopleTable)
        rebuilds: list[int] = []
        real_fill = table.fill

        def counting_fill(*args: Any, **kwargs: Any) -> None:
            rebuilds.append(1)
            real_fill(*args, **kwargs)

        table.fill = counting_fill  # type: ignore[method-assign]
        screen.refresh_data()
        await pilot.press("slash", "p", "y")  # every typed prefix matches the same three people
        await pilot.pause()
        assert rebuilds == []
        assert table.row_count == 3
        await pilot.press("z")  # no one: rebuilt, empty
        await pilot.pause()
        assert len(rebuilds) == 1
        await pilot.press("backspace")
        await pilot.pause()
        assert len(rebuilds) == 2 and table.row_count == 3
        # A changed person is a new record: rebuilt, and the row shows the change.
        bo = store.people.find_by_name("Bo Chen")
        assert bo is not None
        store.people.save(updated(bo, headline="Data engineer"))
        screen.refresh_data()
        assert len(rebuilds) == 3
        assert "Data engineer" in str(table.get_row(bo.id))
        # A new day changes "last met" and "next due": rebuilt.
        clock.set(clock.now() + timedelta(days=1))
        screen.refresh_data()
        assert len(rebuilds) == 4


async def test_columns_stay_put_while_a_filter_narrows_the_rows(
    store: Store, clock: FixedClock
) -> None:
    store.people.save(Person(name="Ana Lima", on_list=True, skills=["python"]))
    store.people.save(Person(name="Bartholomew Fairweather", on_list=True))
    app = make_app(store, clock, start_mode="people")
    async with app.run_test(size=(120, 40)) as pilot:
        table = app.screen.query_one(PeopleTable)
        await pilot.pause()
        before = table.widths
        assert before[1] == len("Bartholomew Fairweather")
        await pilot.press("slash", *"python")
        await pilot.pause()
        assert table.row_count == 1
        assert table.widths == before  # as DataTable: widths grow, never shrink while filtering
