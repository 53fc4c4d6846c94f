"""Faults: full disks, I/O errors, files changed under us, backups, migrations, doctor."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import orjson
import pytest

from brilliance.domain.clock import FixedClock
from brilliance.domain.models import JournalEntry, Person
from brilliance.store import fileformat, migrations, storage
from brilliance.store.backups import KEEP, list_backups
from brilliance.store.errors import DamagedFileError, SaveError
from brilliance.store.paths import DATA_FILE_NAME
from brilliance.store.store import Store
from tests.conftest import FROZEN_NOW


def names_on_disk(store: Store) -> set[str]:
    return {r["name"] for r in orjson.loads(store.path.read_bytes())["people"].values()}


class Fault:
    """Make one os function fail with ``code``, ``times`` times (or forever if None)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, step: str, code: int, times: int | None):
        self.real = getattr(os, step)
        self.code = code
        self.left = times
        monkeypatch.setattr(storage.os, step, self)

    def __call__(self, *args: object, **kwargs: object) -> object:
        if self.left is None or self.left > 0:
            if self.left is not None:
                self.left -= 1
            raise OSError(self.code, os.strerror(self.code))
        return self.real(*args, **kwargs)

    def clear(self) -> None:
        self.left = 0


@pytest.mark.parametrize("step", ["write", "fsync", "replace"])
@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EIO])
@pytest.mark.parametrize("persistent", [False, True], ids=["once", "persistent"])
def test_write_faults_keep_file_and_memory(
    store: Store, monkeypatch: pytest.MonkeyPatch, step: str, code: int, persistent: bool
) -> None:
    store.people.save(Person(name="Ana"))
    before = store.path.read_bytes()
    fault = Fault(monkeypatch, step, code, None if persistent else 1)
    with pytest.raises(SaveError) as caught:
        store.people.save(Person(name="Bo"))
    assert os.strerror(code) in str(caught.value)
    assert "Not saved" in str(caught.value)
    if persistent:
        with pytest.raises(SaveError):
            store.journal.save(JournalEntry(written_at=FROZEN_NOW, text="still failing"))
        assert store.path.read_bytes() == before
        fault.clear()
        store.flush()
    else:
        assert store.path.read_bytes() == before
        store.journal.save(JournalEntry(written_at=FROZEN_NOW, text="after the fault"))
    assert store.path.read_bytes() != before
    assert names_on_disk(store) == {"Ana", "Bo"}
    assert not store.unsaved
    assert not [p for p in store.data_dir.iterdir() if p.name.endswith(".tmp")]


def test_first_save_of_each_day_keeps_a_backup(data_dir: Path) -> None:
    clock = FixedClock(datetime(2026, 11, 1, 9))
    with Store.open(data_dir, clock=clock) as store:
        store.people.save(Person(name="Day zero"))  # no file yet: nothing to back up
        for day in range(20):
            clock.set(datetime(2026, 11, 1, 9) + timedelta(days=day + 1))
            store.people.save(Person(name=f"Day {day + 1}"))
            store.people.save(Person(name=f"Day {day + 1} again"))  # same day: no new backup
    backups = list_backups(data_dir)
    assert len(backups) == KEEP
    assert backups[-1].name == "brilliance-2026-11-21.json"
    newest = orjson.loads(backups[-1].read_bytes())
    names = {r["name"] for r in newest["people"].values()}
    assert "Day 19 again" in names and "Day 20" not in names  # the state before that day
    assert oct(backups[0].stat().st_mode & 0o777) == "0o600"


def test_older_file_is_backed_up_and_upgraded(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A hand-made version-1 file, opened by a (test) version 2 that renames a field."""

    def v1_to_v2(tables: migrations.Tables) -> migrations.Tables:
        for record in tables.get("people", {}).values():
            if "title" in record:
                record["headline"] = record.pop("title")
        return tables

    monkeypatch.setitem(migrations.MIGRATIONS, 1, v1_to_v2)
    monkeypatch.setattr(fileformat, "SCHEMA_VERSION", 2)
    data_dir.mkdir()
    old = (
        b'{"meta": {"schema": {"version": 1}},\n'
        b' "people": {"a1": {"id": "a1", "name": "Ana", "title": "Designer"}}}\n'
    )
    (data_dir / DATA_FILE_NAME).write_bytes(old)
    with Store.open(data_dir, clock=FixedClock(FROZEN_NOW)) as store:
        assert store.people.require("a1").headline == "Designer"
    upgraded = orjson.loads((data_dir / DATA_FILE_NAME).read_bytes())
    assert upgraded["meta"]["schema"]["version"] == 2
    assert upgraded["people"]["a1"]["headline"] == "Designer"
    (backup,) = [b for b in list_backups(data_dir) if "-v1" in b.name]
    assert backup.read_bytes() == old


def test_no_migration_path_is_refused_untouched(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(fileformat, "SCHEMA_VERSION", 3)
    data_dir.mkdir()
    content = b'{"meta": {"schema": {"version": 1}}}'
    (data_dir / DATA_FILE_NAME).write_bytes(content)
    with pytest.raises(DamagedFileError, match="no upgrade from file format 2"):
        Store.open(data_dir)
    assert (data_dir / DATA_FILE_NAME).read_bytes() == content


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "brilliance", *args], capture_output=True, text=True, timeout=60
    )


def test_doctor_and_restore(data_dir: Path) -> None:
    clock = FixedClock(datetime(2026, 11, 1, 9))
    with Store.open(data_dir, clock=clock) as store:
        store.people.save(Person(name="Ana"))
        clock.set(datetime(2026, 11, 2, 9))
        store.people.save(Person(name="Bo"))
    healthy = cli("doctor", "--data-dir", str(data_dir))
    assert healthy.returncode == 0, healthy.stderr
    assert "brilliance.json: ok: 2 people" in healthy.stdout
    assert "brilliance-2026-11-02.json: ok: 1 people" in healthy.stdout
    (data_dir / DATA_FILE_NAME).write_bytes(b'{"people": {"x": ')
    damaged = cli("doctor", "--data-dir", str(data_dir))
    assert damaged.returncode == 3  # issue 16: 3 is "a problem with the data file"
    assert "DAMAGED" in damaged.stdout
    assert "brilliance restore brilliance-2026-11-02.json" in damaged.stderr
    restored = cli("restore", "brilliance-2026-11-02.json", "--yes", "--data-dir", str(data_dir))
    assert restored.returncode == 0, restored.stderr
    with Store.open(data_dir, lock=False) as store:
        assert [p.name for p in store.people] == ["Ana"]
    kept = [b for b in list_backups(data_dir) if "before-restore" in b.name]
    assert kept and kept[0].read_bytes() == b'{"people": {"x": '
    assert cli("restore", "nope.json", "--data-dir", str(data_dir)).returncode == 1
