"""The app opened on a folder where a sync tool left a conflict copy (found by QA)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from brilliance.app import make_app
from brilliance.domain.clock import FixedClock
from brilliance.domain.models import Person
from brilliance.screens.base import BrillianceScreen
from brilliance.store.store import Store

SIZE = (120, 40)


@pytest.mark.parametrize("mode", ["today", "people", "prep", "journal"])
async def test_a_conflict_copy_found_at_open_is_said_without_a_crash(
    store: Store, clock: FixedClock, tmp_path: Path, mode: str
) -> None:
    store.people.save(Person(name="Ana", on_list=True))
    store.save_profile(store.profile.model_copy(update={"welcomed": True}))
    there = tmp_path / "laptop"
    there.mkdir()
    shutil.copy2(store.path, there / store.path.name)
    with Store.open(there, clock=clock) as laptop:
        laptop.people.save(Person(name="From the laptop", on_list=True))
    data_dir = store.data_dir
    store.close()
    shutil.copy2(
        there / "brilliance.json",
        data_dir / "brilliance.sync-conflict-20261124-101010-LAPTOP1.json",
    )
    # The open merges the copy; its notice waits for the app, which shows it on mount.
    again = Store.open(data_dir, clock=clock)
    assert again.notices
    app = make_app(again, clock, start_mode=mode)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, BrillianceScreen)
            assert any("Merged conflict copy" in n.message for n in app._notifications)
            assert {p.name for p in again.people} == {"Ana", "From the laptop"}
        assert app.return_code in (0, None)
    finally:
        again.close()
