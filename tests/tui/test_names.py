"""Names by keys: namesakes warned of, the @ list choosing one, accents ignored in the List."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime

from textual.widgets import Input

from brilliance.app import make_app
from brilliance.domain.clock import FixedClock
from brilliance.domain.models import JournalEntry, Meeting, Person
from brilliance.screens.journal_editor import JournalEditorScreen
from brilliance.screens.modals.person_form import PersonForm
from brilliance.screens.person import PersonScreen
from brilliance.store.store import Store
from brilliance.widgets.people_table import PeopleTable

SIZE = (120, 40)


def on_disk(store: Store) -> list[Person]:
    with Store.open(store.data_dir, lock=False) as fresh:
        return fresh.people.all()


async def test_adding_a_namesake_warns_and_can_open_the_existing(
    store: Store, clock: FixedClock
) -> None:
    ana = store.people.save(Person(name="Ana Lima", on_list=True, headline="Designer"))
    app = make_app(store, clock, start_mode="people")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        await pilot.press(*"ana lima")
        await pilot.press("ctrl+s")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, PersonForm)  # not saved yet: told first
        warning = str(form.query_one("#e-name").render())
        assert "Ana Lima is already in your network (Designer, on the list)" in warning
        assert len(on_disk(store)) == 1
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert isinstance(app.screen, PersonScreen) and app.screen.person_id == ana.id
        assert len(on_disk(store)) == 1


async def test_a_namesake_is_saved_when_asked_twice(store: Store, clock: FixedClock) -> None:
    store.people.save(Person(name="Ana Lima", email="ana@example.com"))
    app = make_app(store, clock, start_mode="people")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        await pilot.press(*"A. Lima")
        app.screen.query_one("#f-email", Input).value = "ANA@example.com"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "already has the email" in str(app.screen.query_one("#e-email").render())
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, PersonForm)
    assert len(on_disk(store)) == 2


async def test_the_mention_list_stores_the_chosen_namesake(store: Store, clock: FixedClock) -> None:
    listed = store.people.save(Person(name="Ana Lima", on_list=True, headline="Designer"))
    wider = store.people.save(Person(name="Ana Lima", headline="Baker"))
    app = make_app(store, clock, start_mode="journal")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        screen = app.screen
        assert isinstance(screen, JournalEditorScreen)
        await pilot.press(*"Met @Ana")
        await pilot.pause()
        shown = [str(o.prompt) for o in screen.suggestions.options]
        assert any("Designer" in s for s in shown) and any("Baker" in s for s in shown)
        baker = next(i for i, p in enumerate(screen.suggestions.people) if p.id == wider.id)
        for _ in range(baker):
            await pilot.press("down")
        await pilot.press("tab")
        await pilot.press(*"and @Ana")
        await pilot.pause()
        designer = next(i for i, p in enumerate(screen.suggestions.people) if p.id == listed.id)
        for _ in range(designer):
            await pilot.press("down")
        await pilot.press("tab")
        await pilot.press("escape")
        await pilot.pause()
    with Store.open(store.data_dir, lock=False) as fresh:
        (entry,) = fresh.journal.all()
    assert isinstance(entry, JournalEntry)
    assert entry.people == [wider.id, listed.id]


async def test_the_list_filter_ignores_accents(store: Store, clock: FixedClock) -> None:
    store.people.save(Person(name="Tomás Ruiz", on_list=True))
    store.people.save(Person(name="Ana Lima", on_list=True))
    app = make_app(store, clock, start_mode="people")
    async with app.run_test(size=SIZE) as pilot:
        table = app.screen.query_one(PeopleTable)
        await pilot.press("slash", *"tomas")
        await pilot.pause()
        assert [store.people.require(i).name for i in table.person_ids] == ["Tomás Ruiz"]


def prep(data_dir: object, name: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "brilliance", "prep", name, "--data-dir", str(data_dir)],
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_cli_prefers_the_list_and_lists_namesakes(store: Store) -> None:
    listed = store.people.save(Person(name="Ana Lima", on_list=True, headline="Designer"))
    store.people.save(Person(name="Ana Lima", headline="Baker"))
    store.meetings.save(Meeting(person_id=listed.id, when=datetime(2099, 1, 5, 18, 30)))
    store.people.save(Person(name="Tomás Ruiz", headline="Chef"))
    store.people.save(Person(name="Bo Chen", headline="Writer", organisation="Ink"))
    store.people.save(Person(name="Bo Chen", headline="Pilot"))
    store.close()
    result = prep(store.data_dir, "Ana Lima")
    assert result.returncode == 0, result.stderr
    assert "*Designer*" in result.stdout
    assert prep(store.data_dir, "tomas").stdout.startswith("# Prep: Tomás Ruiz")
    ambiguous = prep(store.data_dir, "bo chen")
    assert ambiguous.returncode == 1 and ambiguous.stdout == ""
    assert "could be 2 people" in ambiguous.stderr
    assert "Bo Chen (Writer · Ink, wider network)" in ambiguous.stderr
    assert "Bo Chen (Pilot, wider network)" in ambiguous.stderr
