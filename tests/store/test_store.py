"""The store: round trips, deterministic file, the lock, damaged files, modes, failed saves."""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import orjson
import pytest

from brilliance.domain.clock import FixedClock
from brilliance.domain.models import (
    Event,
    FollowUp,
    JournalEntry,
    Meeting,
    Person,
    Profile,
    ValueItem,
    ValueKind,
)
from brilliance.store import storage
from brilliance.store.errors import (
    AlreadyOpenError,
    DamagedFileError,
    NewerSchemaError,
    SaveError,
)
from brilliance.store.store import DATA_FILE_NAME, LOCK_FILE_NAME, Store
from tests.conftest import FROZEN_NOW, reopen


def test_every_kind_round_trips_through_the_file(store: Store) -> None:
    ana = store.people.save(Person(name="Ana Lima", skills=["design"], on_list=True))
    meeting = store.meetings.save(
        Meeting(
            person_id=ana.id,
            when=datetime(2026, 11, 20, 12),
            place="Park",
            value_given=[ValueItem(kind=ValueKind.CONNECTION, note="Intro to Dana")],
        )
    )
    followup = store.followups.save(
        FollowUp(person_id=ana.id, text="Send deck", due=date(2026, 12, 1))
    )
    event = store.events.save(Event(title="Design night", day=date(2026, 12, 3), topics=["design"]))
    entry = store.journal.save(
        JournalEntry(written_at=FROZEN_NOW, text="Met @Ana Lima", people=[ana.id], tags=["x"])
    )
    profile = store.save_profile(Profile(name="Me", interests=["hiking"]))
    again = reopen(store)
    try:
        assert again.people.get(ana.id) == ana
        assert again.meetings.get(meeting.id) == meeting
        assert again.followups.get(followup.id) == followup
        assert again.events.get(event.id) == event
        assert again.journal.get(entry.id) == entry
        assert again.profile == profile
    finally:
        again.close()


def test_save_stamps_times_from_the_clock(store: Store, clock: FixedClock) -> None:
    ana = store.people.save(Person(name="Ana", created_at=datetime(2000, 1, 1)))
    assert ana.created_at == ana.updated_at == FROZEN_NOW
    clock.set(datetime(2026, 12, 1, 8))
    later = store.people.save(ana.model_copy(update={"headline": "Designer"}))
    assert later.created_at == FROZEN_NOW
    assert later.updated_at == datetime(2026, 12, 1, 8)


def test_file_is_deterministic_one_record_per_line(tmp_path: Path, clock: FixedClock) -> None:
    people = [Person(id=f"id{n}", name=f"Person {n}", skills=["b", "a"]) for n in range(5)]
    outputs = []
    for order, folder in ((people, "one"), (list(reversed(people)), "two")):
        with Store.open(tmp_path / folder, clock=clock) as opened:
            for person in order:
                opened.people.save(person)
            outputs.append((tmp_path / folder / DATA_FILE_NAME).read_bytes())
    assert outputs[0] == outputs[1]
    lines = outputs[0].decode().splitlines()
    for person in people:
        (line,) = [line for line in lines if f'"id":"{person.id}"' in line]
        assert line.startswith(f'  "{person.id}": {{')
    orjson.loads(outputs[0])


def test_delete_person_takes_their_records_in_one_write(store: Store) -> None:
    ana = store.people.save(Person(name="Ana"))
    bo = store.people.save(Person(name="Bo"))
    store.meetings.save(Meeting(person_id=ana.id, when=FROZEN_NOW))
    store.followups.save(FollowUp(person_id=ana.id, text="Call", due=date(2026, 12, 1)))
    store.meetings.save(Meeting(person_id=bo.id, when=FROZEN_NOW))
    before = orjson.loads(store.path.read_bytes())
    saves = store.storage.saves
    removal = store.delete_person(ana.id)
    assert store.storage.saves == saves + 1
    assert ana.id not in store.people
    assert store.meetings.for_person(ana.id) == []
    assert store.followups.for_person(ana.id) == []
    assert len(store.meetings.for_person(bo.id)) == 1
    assert removal.person == ana
    store.restore(removal)
    assert store.storage.saves == saves + 2
    assert orjson.loads(store.path.read_bytes()) == before


def test_batch_writes_once(store: Store) -> None:
    saves = store.storage.saves
    with store.batch():
        for n in range(10):
            store.people.save(Person(name=f"P{n}"))
    assert store.storage.saves == saves + 1
    assert len(orjson.loads(store.path.read_bytes())["people"]) == 10


HOLDER = """
import sys, time
from pathlib import Path
from brilliance.store.store import Store
from brilliance.domain.models import Person
store = Store.open(Path(sys.argv[1]))
store.people.save(Person(name="Held"))
print("ready", flush=True)
time.sleep(60)
"""


def test_second_open_is_refused_and_crash_releases_the_lock(data_dir: Path) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(data_dir)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        before = (data_dir / DATA_FILE_NAME).read_bytes()
        with pytest.raises(AlreadyOpenError) as caught:
            Store.open(data_dir)
        assert str(holder.pid) in str(caught.value)
        assert "already open" in str(caught.value)
        assert (data_dir / DATA_FILE_NAME).read_bytes() == before
    finally:
        holder.kill()
        holder.wait()
    with Store.open(data_dir) as after_crash:
        assert after_crash.people.find_by_name("Held") is not None


def damaged(data_dir: Path, content: bytes) -> Path:
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / DATA_FILE_NAME
    path.write_bytes(content)
    return path


GOOD = b'{"meta": {"schema": {"version": 1}}, "people": {"a1": {"id": "a1", "name": "Ana"}}}'


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (GOOD[:40], "not valid JSON"),
        (b"\x89PNG garbage \xff\xfe", "not valid JSON"),
        (b"\x00" * 64, "not valid JSON"),
        (GOOD + b"\n{}", "not valid JSON"),
        (b"[1, 2, 3]", "not a Brilliance data file"),
        (b'{"people": [1, 2]}', "not an object of records"),
        (b'{"meta": {"schema": {"version": 1}}, "people": {"a1": {"id": "a1"}}}', "Name"),
        (
            b'{"meta": {"schema": {"version": 1}}, "people": {"a1": {"id": "b2", "name": "X"}}}',
            "another id",
        ),
        (b'{"people": {"a1": {"id": "a1", "name": "Ana"}}}', "no schema version"),
        (b'{"meta": {"schema": {"version": "one"}}}', "schema version"),
    ],
)
def test_damaged_files_are_refused_and_left_alone(
    data_dir: Path, content: bytes, words: str
) -> None:
    path = damaged(data_dir, content)
    with pytest.raises(DamagedFileError) as caught:
        Store.open(data_dir)
    assert words in str(caught.value)
    assert str(path) in str(caught.value)
    assert path.read_bytes() == content
    assert sorted(p.name for p in data_dir.iterdir()) == [DATA_FILE_NAME, LOCK_FILE_NAME]


def test_newer_schema_is_refused(data_dir: Path) -> None:
    content = b'{"meta": {"schema": {"version": 99}}, "future": {}}'
    path = damaged(data_dir, content)
    with pytest.raises(NewerSchemaError) as caught:
        Store.open(data_dir)
    assert "newer version" in str(caught.value)
    assert "Upgrade" in str(caught.value)
    assert path.read_bytes() == content


def test_damaged_message_names_the_newest_backup(data_dir: Path) -> None:
    damaged(data_dir, b"{oops")
    backups = data_dir / "backups"
    backups.mkdir()
    (backups / "brilliance-2026-11-01.json").write_text("{}")
    (backups / "brilliance-2026-11-20.json").write_text("{}")
    with pytest.raises(DamagedFileError) as caught:
        Store.open(data_dir)
    assert "brilliance-2026-11-20.json" in str(caught.value)


def test_private_modes_whatever_the_umask(tmp_path: Path, clock: FixedClock) -> None:
    old = os.umask(0o022)
    try:
        data_dir = tmp_path / "fresh" / "data"
        with Store.open(data_dir, clock=clock) as opened:
            opened.people.save(Person(name="Ana"))
            assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
            assert stat.S_IMODE((data_dir / DATA_FILE_NAME).stat().st_mode) == 0o600
            assert stat.S_IMODE((data_dir / LOCK_FILE_NAME).stat().st_mode) == 0o600
    finally:
        os.umask(old)


@pytest.mark.parametrize("step", ["write", "fsync", "replace"])
def test_failed_save_keeps_file_and_memory(
    store: Store, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    store.people.save(Person(name="Ana"))
    before = store.path.read_bytes()
    real = getattr(os, step)
    calls = {"n": 0}

    def failing(*args: object, **kwargs: object) -> object:
        calls["n"] += 1
        if calls["n"] == 1:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(*args, **kwargs)

    monkeypatch.setattr(storage.os, step, failing)
    with pytest.raises(SaveError) as caught:
        store.people.save(Person(name="Bo"))
    assert "No space left on device" in str(caught.value)
    assert store.path.read_bytes() == before
    assert store.unsaved
    assert store.people.find_by_name("Bo") is not None
    assert [p.name for p in store.data_dir.iterdir() if p.suffix == ".tmp"] == []
    store.people.save(Person(name="Cy"))
    assert not store.unsaved
    names = {r["name"] for r in orjson.loads(store.path.read_bytes())["people"].values()}
    assert names == {"Ana", "Bo", "Cy"}


def test_failed_profile_save_is_kept_for_the_next_save(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.people.save(Person(name="Ana"))
    real = os.replace
    monkeypatch.setattr(
        storage.os, "replace", lambda *a: (_ for _ in ()).throw(OSError(errno.EIO, "I/O error"))
    )
    with pytest.raises(SaveError):
        store.save_profile(Profile(name="Me"))
    monkeypatch.setattr(storage.os, "replace", real)
    store.people.save(Person(name="Bo"))
    assert orjson.loads(store.path.read_bytes())["profile"]["me"]["name"] == "Me"
