"""Two or three devices, each with its own data folder, and a fake sync tool between them.

Devices add, edit, delete and undo people and write notes; the sync tool copies files in
random order, sometimes as a conflict copy, sometimes puts back an old copy, sometimes deletes
the file. After everyone syncs, every device holds the same records, and every record whose
last acknowledged act was not a delete is present: nothing is lost.

The wall clock is shared and moves on with every act, so "last" is well defined; disagreeing
clocks are covered by the merge's own tests. ``os.fsync`` is skipped (it makes no difference
to what is written, only to when it is durable) to keep 300 examples fast.
"""

from __future__ import annotations

import itertools
import os
import tempfile
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from unittest import mock

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from brilliance.domain.clock import FixedClock
from brilliance.domain.models import JournalEntry, Person, updated
from brilliance.store.store import Removal, Store

DEVICES = 3
ACTS = ("add", "edit", "delete", "undo", "note", "poll", "restart")
SYNCS = ("sync", "conflict", "revert", "vanish")

acts = st.one_of(
    st.tuples(st.sampled_from(ACTS), st.integers(0, DEVICES - 1), st.integers(0, 7)),
    st.tuples(st.sampled_from(SYNCS), st.integers(0, DEVICES - 1), st.integers(0, 7)),
)


@dataclass
class World:
    root: Path
    clock: FixedClock
    devices: list[Store] = field(default_factory=list)
    undo: list[list[Removal]] = field(default_factory=list)
    history: list[bytes] = field(default_factory=list)
    last_act: dict[str, str] = field(default_factory=dict)
    """Record id -> "present" or "deleted", by the last act that was acknowledged."""
    names: itertools.count[int] = field(default_factory=itertools.count)

    def tick(self) -> None:
        self.clock.set(self.clock.now() + timedelta(milliseconds=1))

    def folder(self, device: int) -> Path:
        return self.root / f"device-{device}"

    def reopen(self, device: int) -> None:
        self.devices[device].close()
        self.devices[device] = Store.open(self.folder(device), clock=self.clock)

    def sync_file(self, source: int, target: int) -> None:
        """Copy one device's file over another's, as a sync tool does (atomically)."""
        path = self.devices[source].path
        if not path.exists():
            return
        data = path.read_bytes()
        self.history.append(data)
        write(self.devices[target].path, data)


def write(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".sync-{os.getpid()}.tmp")
    tmp.write_bytes(data)
    tmp.replace(path)


def act(world: World, kind: str, device: int, pick: int) -> None:
    store = world.devices[device]
    people = sorted(store.people.all(), key=lambda p: p.id)
    count = len(world.devices)
    target = (device + 1 + pick % (count - 1)) % count
    world.tick()
    if kind == "add":
        person = store.people.save(Person(name=f"P{next(world.names)}"))
        world.last_act[person.id] = "present"
    elif kind == "edit" and people:
        person = people[pick % len(people)]
        store.people.save(updated(person, headline=f"edit {next(world.names)}"))
        world.last_act[person.id] = "present"
    elif kind == "delete" and people:
        removal = store.delete_person(people[pick % len(people)].id)
        world.undo[device].append(removal)
        world.last_act[removal.person.id] = "deleted"
    elif kind == "undo" and world.undo[device]:
        person = store.restore(world.undo[device].pop())
        world.last_act[person.id] = "present"
    elif kind == "note":
        entry = store.journal.save(JournalEntry(written_at=world.clock.now(), text="a note"))
        world.last_act[entry.id] = "present"
    elif kind == "poll":
        store.sync_with_disk()
    elif kind == "restart":
        world.reopen(device)
    elif kind == "sync":
        world.sync_file(device, target)
    elif kind == "conflict" and store.path.exists():
        data = store.path.read_bytes()
        world.history.append(data)
        tag = f"{pick:02d}-DEV{device}X{len(world.history)}"
        name = f"brilliance.sync-conflict-20261124-0930{tag}.json"
        write(world.folder(target) / name, data)
    elif kind == "revert" and world.history:
        write(world.devices[target].path, world.history[pick % len(world.history)])
    elif kind == "vanish":
        world.devices[target].path.unlink(missing_ok=True)


def contents(store: Store) -> dict[str, Any]:
    return {name: {r.id: r for r in repo} for name, repo in store.repositories().items()}


@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(st.integers(2, DEVICES), st.lists(acts, max_size=24))
def test_no_record_is_ever_lost_across_devices(count: int, script: list[Any]) -> None:
    with tempfile.TemporaryDirectory() as root, mock.patch("os.fsync"):
        world = World(Path(root), FixedClock(datetime(2026, 11, 24, 9, 30)))
        for device in range(count):
            world.devices.append(Store.open(world.folder(device), clock=world.clock))
            world.undo.append([])
        try:
            for kind, device, pick in script:
                act(world, kind, device % count, pick)
            # Everyone syncs: each device opens again (merging conflict copies), then the
            # sync tool passes the file around until every device has seen every other.
            for device in range(count):
                world.reopen(device)
            for _ in range(2):
                for source in range(count):
                    for target in range(count):
                        if source != target:
                            world.sync_file(source, target)
                            world.devices[target].sync_with_disk()
            first = contents(world.devices[0])
            for store in world.devices[1:]:
                assert contents(store) == first
            for store in world.devices:
                assert Store.open(store.data_dir, lock=False).storage.read() == store.storage.read()
            held = {record_id for table in first.values() for record_id in table}
            lost = {i for i, last in world.last_act.items() if last == "present"} - held
            assert not lost
            resurrected = {i for i, last in world.last_act.items() if last == "deleted"} & held
            assert not resurrected
        finally:
            for store in world.devices:
                store.close()
