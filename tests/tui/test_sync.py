"""The three situations of issue 12 in the running app: nothing saved is ever lost."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import orjson
from textual.app import App
from textual.pilot import Pilot

from brilliance.app import make_app
from brilliance.domain.clock import FixedClock
from brilliance.domain.models import Person
from brilliance.store.store import Store

SIZE = (120, 40)


def names_on_disk(path: Path) -> set[str]:
    return {r["name"] for r in orjson.loads(path.read_bytes())["people"].values()}


async def add_person(pilot: Pilot[Any], name: str) -> None:
    await pilot.press("a")
    await pilot.pause()
    await pilot.press(*name, "ctrl+s")
    await pilot.pause()


def messages(app: App[Any]) -> list[str]:
    return [n.message for n in app._notifications]


async def test_the_file_disappears_while_the_app_is_open(store: Store, clock: FixedClock) -> None:
    for index in range(30):
        store.people.save(Person(name=f"Person {index}", on_list=index < 5))
    app = make_app(store, clock, start_mode="people")
    async with app.run_test(size=SIZE) as pilot:
        store.path.unlink()  # a sync tool propagates a delete
        await pilot.press("m")  # a change: the save finds the file gone
        await pilot.pause()
        assert any("had disappeared" in m for m in messages(app))
        assert not store.unsaved
    assert len(names_on_disk(store.path)) == 30


async def test_a_reverted_file_keeps_what_was_saved(store: Store, clock: FixedClock) -> None:
    store.people.save(Person(name="Ana", on_list=True))
    older = store.path.read_bytes()
    app = make_app(store, clock, start_mode="people")
    async with app.run_test(size=SIZE) as pilot:
        await add_person(pilot, "Bo")
        await pilot.pause()
        await add_person(pilot, "Cy")
        await pilot.pause()
        assert names_on_disk(store.path) == {"Ana", "Bo", "Cy"}
        store.path.write_bytes(older)  # the sync tool puts back an older copy
        app.check_inbox()  # the poll, as its timer would
        await pilot.pause()
        assert names_on_disk(store.path) == {"Ana", "Bo", "Cy"}
        await add_person(pilot, "Di")
        await pilot.pause()
    assert names_on_disk(store.path) == {"Ana", "Bo", "Cy", "Di"}


async def test_two_devices_that_edited_apart(
    store: Store, clock: FixedClock, tmp_path: Path
) -> None:
    store.people.save(Person(name="Ana", on_list=True))
    there = tmp_path / "laptop"
    there.mkdir()
    shutil.copy2(store.path, there / store.path.name)
    with Store.open(there, clock=clock) as laptop:
        laptop.people.save(Person(name="From the laptop", on_list=True))
    app = make_app(store, clock, start_mode="people")
    async with app.run_test(size=SIZE) as pilot:
        await add_person(pilot, "Here")
        await pilot.pause()
        # Syncthing keeps this device's file and renames the laptop's version.
        conflict = store.data_dir / "brilliance.sync-conflict-20261124-093000-LAPTOP1.json"
        shutil.copy2(there / store.path.name, conflict)
        app.check_inbox()
        await pilot.pause()
        assert any("Merged conflict copy" in m and "1 added" in m for m in messages(app))
        assert {p.name for p in store.people} == {"Ana", "Here", "From the laptop"}
        # And a change on the laptop that arrives as the file itself merges too.
        with Store.open(there, clock=clock) as laptop:
            laptop.people.save(Person(name="Later on the laptop"))
            merged_copy = laptop.path.read_bytes()
        store.path.write_bytes(merged_copy)
        app.check_inbox()
        await pilot.pause()
        assert store.people.find_by_name("Later on the laptop") is not None
        assert store.people.find_by_name("Here") is not None
    assert names_on_disk(store.path) == {"Ana", "Here", "From the laptop", "Later on the laptop"}
    assert not conflict.exists()
    assert (store.data_dir / "conflicts" / "merged" / conflict.name).is_file()
