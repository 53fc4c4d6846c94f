"""Outside changes of the data file go through the merge: nothing saved is ever lost."""

from __future__ import annotations

import shutil
from pathlib import Path

import orjson
import pytest

from brilliance.domain.clock import FixedClock
from brilliance.domain.models import SCHEMA_VERSION, JournalEntry, Person
from brilliance.store.backups import list_backups
from brilliance.store.errors import ConflictError
from brilliance.store.merge import TOMBSTONE_TABLE
from brilliance.store.paths import DATA_FILE_NAME
from brilliance.store.stamps import STAMP_KEY, migration_stamp
from brilliance.store.store import Store
from tests.conftest import FROZEN_NOW


def names_on_disk(path: Path) -> set[str]:
    return {r["name"] for r in orjson.loads(path.read_bytes())["people"].values()}


def other_device(store: Store, tmp_path: Path) -> Store:
    """A second copy of the folder (another device), opened on a copy of the file."""
    folder = tmp_path / "other"
    folder.mkdir()
    shutil.copy2(store.path, folder / store.path.name)
    return Store.open(folder, clock=store.clock)


def sync(source: Store, target: Store) -> None:
    """What a sync tool does: replace the target's file with the source's."""
    data = source.path.read_bytes()
    tmp = target.path.with_suffix(".sync")
    tmp.write_bytes(data)
    tmp.replace(target.path)


def test_a_change_on_disk_is_merged_at_the_next_save(store: Store, tmp_path: Path) -> None:
    ana = store.people.save(Person(name="Ana"))
    with other_device(store, tmp_path) as other:
        other.people.save(Person(name="Zed"))
        sync(other, store)
    notices: list[str] = []
    store.listen(notices.append)
    store.people.save(ana.model_copy(update={"headline": "Designer"}))
    on_disk = {r["name"]: r for r in orjson.loads(store.path.read_bytes())["people"].values()}
    assert set(on_disk) == {"Ana", "Zed"}
    assert on_disk["Ana"]["headline"] == "Designer"
    assert store.people.find_by_name("Zed") is not None
    assert notices == [
        "Changes from another copy of your data came in: 1 added, 0 updated, 0 deleted."
    ]


def test_a_deletion_on_either_side_is_kept(store: Store, tmp_path: Path) -> None:
    ana = store.people.save(Person(name="Ana"))
    bo = store.people.save(Person(name="Bo"))
    with other_device(store, tmp_path) as other:
        other.people.delete(bo.id)
        other.people.save(Person(name="Zed"))
        sync(other, store)
    store.people.delete(ana.id)
    assert names_on_disk(store.path) == {"Zed"}
    tombstones = orjson.loads(store.path.read_bytes())[TOMBSTONE_TABLE]
    assert set(tombstones) == {f"people/{ana.id}", f"people/{bo.id}"}


def test_a_missing_file_is_nothing_new_from_disk(store: Store) -> None:
    """Situation 1 of the issue: the file vanishes while open; a save writes everything back."""
    for index in range(20):
        store.people.save(Person(name=f"Person {index}"))
    notices: list[str] = []
    store.listen(notices.append)
    store.path.unlink()
    store.journal.save(JournalEntry(written_at=FROZEN_NOW, text="after the file vanished"))
    assert len(names_on_disk(store.path)) == 20
    assert len(orjson.loads(store.path.read_bytes())["journal"]) == 1
    assert "had disappeared" in notices[0]


def test_a_reverted_file_loses_nothing_saved(store: Store) -> None:
    """Situation 2: a sync tool puts back an older copy of the file while the app is open."""
    store.people.save(Person(name="Ana"))
    older = store.path.read_bytes()
    store.people.save(Person(name="Bo"))
    store.people.save(Person(name="Cy"))
    store.path.write_bytes(older)  # the sync tool reverts
    store.people.save(Person(name="Di"))
    assert names_on_disk(store.path) == {"Ana", "Bo", "Cy", "Di"}


def test_the_poll_merges_an_outside_change_without_a_save(store: Store, tmp_path: Path) -> None:
    store.people.save(Person(name="Ana"))
    with other_device(store, tmp_path) as other:
        other.people.save(Person(name="Zed"))
        sync(other, store)
    assert store.sync_with_disk()
    assert {p.name for p in store.people} == {"Ana", "Zed"}
    assert not store.sync_with_disk()  # nothing new the second time


def test_the_poll_writes_back_a_vanished_file(store: Store) -> None:
    store.people.save(Person(name="Ana"))
    store.path.unlink()
    store.sync_with_disk()
    assert names_on_disk(store.path) == {"Ana"}


def test_a_damaged_file_on_disk_is_never_overwritten(store: Store) -> None:
    store.people.save(Person(name="Ana"))
    store.path.write_bytes(b'{"people": {')  # a sync tool's half-written file
    with pytest.raises(ConflictError) as caught:
        store.people.save(Person(name="Bo"))
    assert "cannot be merged" in str(caught.value)
    assert store.path.read_bytes() == b'{"people": {'
    assert store.people.find_by_name("Bo") is not None  # kept in memory
    store.path.rename(store.path.with_suffix(".damaged"))  # the user moves it aside
    store.flush()
    assert names_on_disk(store.path) == {"Ana", "Bo"}


def test_undo_after_a_delete_wins_over_the_tombstone(
    store: Store, tmp_path: Path, clock: FixedClock
) -> None:
    ana = store.people.save(Person(name="Ana"))
    removal = store.delete_person(ana.id)
    with other_device(store, tmp_path) as other:
        assert other.people.get(ana.id) is None
        store.restore(removal)
        sync(store, other)
        other.people.save(Person(name="Zed"))
    assert names_on_disk(tmp_path / "other" / store.path.name) == {"Ana", "Zed"}


def test_a_version_1_file_gets_stamps_after_a_backup(data_dir: Path) -> None:
    data_dir.mkdir()
    old = (
        b'{"meta": {"schema": {"version": 1}},\n'
        b' "people": {"a1": {"id": "a1", "name": "Ana", "updated_at": "2026-01-02T03:04:05"}}}\n'
    )
    (data_dir / DATA_FILE_NAME).write_bytes(old)
    with Store.open(data_dir, clock=FixedClock(FROZEN_NOW)) as store:
        assert store.people.require("a1").name == "Ana"
        store.people.save(Person(name="Bo"))
    upgraded = orjson.loads((data_dir / DATA_FILE_NAME).read_bytes())
    assert upgraded["meta"]["schema"]["version"] == SCHEMA_VERSION == 2
    assert upgraded["people"]["a1"][STAMP_KEY] == migration_stamp(
        {"updated_at": "2026-01-02T03:04:05"}
    )
    bo = next(r for r in upgraded["people"].values() if r["name"] == "Bo")
    assert bo[STAMP_KEY] > upgraded["people"]["a1"][STAMP_KEY]
    (backup,) = [b for b in list_backups(data_dir) if "-v1" in b.name]
    assert backup.read_bytes() == old
