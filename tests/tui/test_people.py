"""The List, driven by keys as a person would, checking what reached the disk."""

from __future__ import annotations

from datetime import date

import orjson
from textual.widgets import Input

from brilliance.app import make_app
from brilliance.domain.clock import FixedClock
from brilliance.domain.models import Person
from brilliance.screens.modals.confirm import ConfirmScreen
from brilliance.screens.modals.person_form import PersonForm
from brilliance.screens.people import PeopleScreen
from brilliance.screens.person import PersonScreen
from brilliance.store.store import Store
from brilliance.widgets.people_table import PeopleTable

SIZE = (120, 40)


def people_on_disk(store: Store) -> dict[str, dict[str, object]]:
    """The people table as written in the data file, by name."""
    tables = orjson.loads(store.path.read_bytes())
    return {record["name"]: record for record in tables.get("people", {}).values()}


def add(store: Store, name: str, **fields: object) -> Person:
    return store.people.save(Person(name=name, on_list=True, **fields))


async def test_add_person_saves_to_disk(store: Store, clock: FixedClock) -> None:
    app = make_app(store, clock, start_mode="people")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        assert isinstance(app.screen, PersonForm)
        assert app.focused is not None and app.focused.id == "f-name"
        await pilot.press(*"Ana Lima")
        app.screen.query_one("#f-skills", Input).value = "design research, hiring"
        app.screen.query_one("#f-goals", Input).value = "lead a design team"
        app.screen.query_one("#f-last_met", Input).value = "2026-11-01"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PeopleScreen)
        table = app.screen.query_one(PeopleTable)
        assert table.row_count == 1
    saved = people_on_disk(store)["Ana Lima"]
    assert saved["skills"] == ["design research", "hiring"]
    assert saved["goals"] == ["lead a design team"]
    assert saved["last_met"] == "2026-11-01"
    assert saved["on_list"] is True
    assert saved["cadence_days"] == 14


async def test_invalid_form_shows_error_and_saves_nothing(store: Store, clock: FixedClock) -> None:
    app = make_app(store, clock, start_mode="people")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        app.screen.query_one("#f-email", Input).value = "not-an-email"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PersonForm)
        name_error = app.screen.query_one("#e-name")
        email_error = app.screen.query_one("#e-email")
        assert "Name can't be empty" in str(name_error.render())
        assert "Email" in str(email_error.render())
        assert app.focused is not None and app.focused.id == "f-name"
        await pilot.press("escape")  # something was typed: asked first
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, PeopleScreen)
    assert not store.path.exists() or people_on_disk(store) == {}


async def test_edit_person(store: Store, clock: FixedClock) -> None:
    add(store, "Bruno Costa", headline="Data engineer")
    app = make_app(store, clock, start_mode="people")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        assert isinstance(app.screen, PersonForm)
        headline = app.screen.query_one("#f-headline", Input)
        assert headline.value == "Data engineer"
        headline.value = "Staff data engineer"
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert people_on_disk(store)["Bruno Costa"]["headline"] == "Staff data engineer"


async def test_escape_cancels_edit_without_saving(store: Store, clock: FixedClock) -> None:
    add(store, "Bruno Costa", headline="Data engineer")
    before = store.path.read_bytes()
    app = make_app(store, clock, start_mode="people")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        app.screen.query_one("#f-headline", Input).value = "Changed"
        await pilot.press("escape")
        await pilot.pause()
    assert store.path.read_bytes() == before


async def test_delete_asks_then_undo_restores(store: Store, clock: FixedClock) -> None:
    add(store, "Chen Wei", last_met=date(2026, 11, 1))
    app = make_app(store, clock, start_mode="people")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("d")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert "Chen Wei" in people_on_disk(store)
        await pilot.press("d", "y")
        await pilot.pause()
        assert "Chen Wei" not in people_on_disk(store)
        await pilot.press("u")
        await pilot.pause()
        assert "Chen Wei" in people_on_disk(store)
        assert app.screen.query_one(PeopleTable).row_count == 1


async def test_filter_as_you_type_by_name_skill_and_goal(store: Store, clock: FixedClock) -> None:
    add(store, "Ana Lima", skills=["design"])
    add(store, "Bruno Costa", goals=["raise a seed round"])
    add(store, "Chen Wei", skills=["fundraising"])
    app = make_app(store, clock, start_mode="people")
    async with app.run_test(size=SIZE) as pilot:
        table = app.screen.query_one(PeopleTable)
        assert table.row_count == 3
        await pilot.press("slash", *"seed")
        await pilot.pause()
        assert table.row_count == 1
        assert store.people.require(table.person_ids[0]).name == "Bruno Costa"
        await pilot.press("escape")
        await pilot.pause()
        assert table.row_count == 3
        await pilot.press("slash", *"DESIGN")
        await pilot.pause()
        assert [store.people.require(i).name for i in table.person_ids] == ["Ana Lima"]


async def test_move_off_and_on_the_list(store: Store, clock: FixedClock) -> None:
    add(store, "Ana Lima")
    app = make_app(store, clock, start_mode="people")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("m")
        await pilot.pause()
        assert people_on_disk(store)["Ana Lima"]["on_list"] is False
        table = app.screen.query_one(PeopleTable)
        assert not table.display  # the list is empty now
        await pilot.press("w")
        await pilot.pause()
        assert table.row_count == 1
        await pilot.press("m")
        await pilot.pause()
        assert people_on_disk(store)["Ana Lima"]["on_list"] is True


async def test_thirteenth_person_gets_a_gentle_note(store: Store, clock: FixedClock) -> None:
    for number in range(12):
        add(store, f"Person {number:02}")
    store.people.save(Person(name="Number Thirteen", on_list=False))
    app = make_app(store, clock, start_mode="people")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("w")
        table = app.screen.query_one(PeopleTable)
        row = table.get_row_index(store.people.find_by_name("Number Thirteen").id)  # type: ignore[union-attr]
        table.move_cursor(row=row)
        await pilot.press("m")
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert any("13 people on your list" in m for m in messages)
    assert people_on_disk(store)["Number Thirteen"]["on_list"] is True


async def test_sort_cycles_and_due_order(store: Store, clock: FixedClock) -> None:
    add(store, "Due Today", last_met=date(2026, 11, 10))
    add(store, "Overdue", last_met=date(2026, 10, 1))
    add(store, "Fresh", last_met=date(2026, 11, 23))
    app = make_app(store, clock, start_mode="people")
    async with app.run_test(size=SIZE) as pilot:
        table = app.screen.query_one(PeopleTable)

        def names() -> list[str]:
            return [store.people.require(i).name for i in table.person_ids]

        assert names() == ["Overdue", "Due Today", "Fresh"]
        await pilot.press("s")
        assert names() == ["Due Today", "Fresh", "Overdue"]
        await pilot.press("s")
        assert names() == ["Overdue", "Due Today", "Fresh"]  # longest since last met first
        await pilot.press("s")
        assert names() == ["Overdue", "Due Today", "Fresh"]


async def test_enter_opens_detail_and_j_k_move(store: Store, clock: FixedClock) -> None:
    add(store, "Ana Lima", last_met=date(2026, 11, 1), how_i_can_help="Intro to Dana")
    add(store, "Bruno Costa", last_met=date(2026, 11, 20))
    app = make_app(store, clock, start_mode="people")
    async with app.run_test(size=SIZE) as pilot:
        table = app.screen.query_one(PeopleTable)
        await pilot.press("j")
        assert table.cursor_row == 1
        await pilot.press("k", "enter")
        await pilot.pause()
        assert isinstance(app.screen, PersonScreen)
        assert app.screen.person_id == store.people.find_by_name("Ana Lima").id  # type: ignore[union-attr]
        await pilot.press("escape")
        assert isinstance(app.screen, PeopleScreen)


async def test_modes_switch_with_number_keys(store: Store, clock: FixedClock) -> None:
    add(store, "Ana Lima")  # not a first run: no welcome
    app = make_app(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        assert app.current_mode == "today"
        for key, mode in (("2", "people"), ("3", "prep"), ("4", "journal"), ("1", "today")):
            await pilot.press(key)
            assert app.current_mode == mode
            active = app.screen.query_one("ModeTab.-active")
            assert active.mode == mode  # type: ignore[attr-defined]


async def test_theme_toggle_is_remembered(store: Store, clock: FixedClock) -> None:
    add(store, "Ana Lima")  # not a first run: no welcome
    app = make_app(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+t")
        assert app.theme == "textual-light"
    on_disk = orjson.loads(store.path.read_bytes())
    assert on_disk["profile"]["me"]["theme"] == "textual-light"
    store.close()
    again = Store.open(store.data_dir, clock=clock)
    try:
        assert make_app(again, clock).theme == "textual-light"
    finally:
        again.close()


async def test_help_lists_the_screen_keys(store: Store, clock: FixedClock) -> None:
    app = make_app(store, clock, start_mode="people")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        from brilliance.screens.help import HelpScreen

        assert isinstance(app.screen, HelpScreen)
        here = dict((d, k) for k, d in app.screen.here)
        assert {"Add", "Filter", "Sort", "Network"} <= set(here)
        everywhere = {d for _, d in app.screen.everywhere}
        assert {"Today", "List", "Prep", "Journal", "Quit"} <= everywhere
        await pilot.press("escape")
        assert isinstance(app.screen, PeopleScreen)


async def test_palette_opens_person(store: Store, clock: FixedClock) -> None:
    person = add(store, "Dana Fischer")
    app = make_app(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.press(*"open dana")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PersonScreen)
        assert app.screen.person_id == person.id


async def test_palette_reaches_the_journal_and_events(store: Store, clock: FixedClock) -> None:
    from brilliance.screens.events import EventsScreen
    from brilliance.screens.journal_editor import JournalEditorScreen

    add(store, "Ana Lima")
    app = make_app(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p", *"journal entry")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, JournalEditorScreen)
        await pilot.press("escape", "ctrl+p", *"events")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, EventsScreen)
