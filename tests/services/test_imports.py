"""Importing files and restoring backups through the service the command line uses."""

from __future__ import annotations

from pathlib import Path

import pytest

from brilliance.domain.clock import FixedClock
from brilliance.domain.models import JournalEntry, Person
from brilliance.portability.backup import export_backup
from brilliance.services.imports import FolderHasData, apply_plan, build_plan
from brilliance.store.store import Store
from tests.conftest import reopen

CSV = "name,email\nAna Lima,ana@example.com\nBruno Costa,bruno@example.com\n"


def backup_of(folder: Path, clock: FixedClock) -> bytes:
    with Store.open(folder, clock=clock) as source:
        source.people.save(Person(id="p1", name="Ana Lima", on_list=True))
        source.journal.save(
            JournalEntry(id="j1", text="Met Ana for coffee.", written_at=clock.now())
        )
        source.save_profile(source.profile.model_copy(update={"name": "Me"}))
        return export_backup(source)


def test_a_csv_plan_is_written_in_one_save(store: Store, tmp_path: Path) -> None:
    plan = build_plan("csv", tmp_path / "people.csv", CSV.encode(), store)
    saves = store.storage.saves

    apply_plan(store, plan)

    assert store.storage.saves == saves + 1
    assert sorted(p.name for p in reopen(store).people) == ["Ana Lima", "Bruno Costa"]


def test_a_backup_restores_whole_into_an_empty_folder(
    store: Store, tmp_path: Path, clock: FixedClock
) -> None:
    raw = backup_of(tmp_path / "source", clock)
    plan = build_plan("json", tmp_path / "backup.json", raw, store)

    apply_plan(store, plan)

    assert plan.added == 2
    again = reopen(store)
    assert again.people.require("p1").name == "Ana Lima"
    assert again.journal.require("j1").text == "Met Ana for coffee."
    assert again.profile.name == "Me"


def test_a_backup_into_a_folder_with_data_needs_merge(
    store: Store, tmp_path: Path, clock: FixedClock
) -> None:
    raw = backup_of(tmp_path / "source", clock)
    store.people.save(Person(id="p1", name="Ana (mine)"))
    store.people.save(Person(id="p9", name="Someone else"))
    plan = build_plan("json", tmp_path / "backup.json", raw, store)

    with pytest.raises(FolderHasData, match="--merge"):
        apply_plan(store, plan)
    assert len(store.journal) == 0  # refused: nothing changed

    apply_plan(store, plan, merge=True)

    again = reopen(store)
    assert again.people.require("p1").name == "Ana (mine)"  # what is here wins
    assert again.journal.require("j1").text == "Met Ana for coffee."
    assert again.profile.name != "Me"  # a merge never takes the backup's profile
    assert plan.added == 1
    assert plan.skipped == ["people record p1 is already here"]
