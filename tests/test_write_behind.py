"""Small changes (a prep tick) are made in memory at once and written in the next pause of the
input, or once they have waited too long; another save or quitting writes them (issue 19)."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from brilliance.commands.launch import close_session
from brilliance.domain.models import Person
from brilliance.store import storage
from brilliance.store.errors import SaveError
from brilliance.store.store import Store
from brilliance.write_behind import MOST_SECONDS, WriteBehind


class Input:
    """The clock and whether the input pauses, both moved by the test."""

    def __init__(self) -> None:
        self.now = 100.0
        self.paused = False


class Host:
    """The app's part: the store, and a save whose refusal is said."""

    def __init__(self, store: Store, said: list[str]) -> None:
        self.store = store
        self.said = said

    def attempt_save(self, operation: Callable[[], Any]) -> Any:
        try:
            return operation()
        except SaveError as exc:
            self.said.append(str(exc))
            return None


def behind(store: Store, said: list[str]) -> tuple[WriteBehind, Input]:
    moment = Input()
    store.people.save(Person(name="Cy"))  # the file exists, as in the app
    return WriteBehind(Host(store, said), lambda: moment.paused, lambda: moment.now), moment


def names(store: Store) -> set[str]:
    """Who is in the file on disk (read as another process would, the store left open)."""
    with Store.open(store.data_dir, clock=store.clock, lock=False) as again:
        return {person.name for person in again.people.all()} - {"Cy"}


def test_a_change_is_in_memory_at_once_and_written_in_the_pause(store: Store) -> None:
    writes, moment = behind(store, [])
    on_disk = store.path.read_bytes()
    with writes.later():
        store.people.save(Person(name="Ana"))
        store.people.save(Person(name="Bo"))
    assert {person.name for person in store.people.all()} >= {"Ana", "Bo"}  # every screen sees it
    assert store.path.read_bytes() == on_disk and writes.waiting
    moment.now += MOST_SECONDS - 0.1
    assert not writes.tick() and store.path.read_bytes() == on_disk  # keys still coming
    moment.paused = True
    saves = store.storage.saves
    assert writes.tick() and not writes.waiting
    assert store.storage.saves == saves + 1 and names(store) == {"Ana", "Bo"}


def test_keys_that_never_pause_put_it_off_only_so_long(store: Store) -> None:
    writes, moment = behind(store, [])
    with writes.later():
        store.people.save(Person(name="Ana"))
    moment.now += MOST_SECONDS / 2
    with writes.later():  # a second change does not put the first off again
        store.people.save(Person(name="Bo"))
    moment.now += MOST_SECONDS / 2
    assert writes.tick() and names(store) == {"Ana", "Bo"}


def test_another_save_writes_it_and_the_timer_has_nothing_left(store: Store) -> None:
    writes, moment = behind(store, [])
    with writes.later():
        store.people.save(Person(name="Ana"))
    store.people.save(Person(name="Bo"))  # written at once, with what waited
    assert not writes.waiting and names(store) == {"Ana", "Bo"}
    moment.paused = True
    saves = store.storage.saves
    assert not writes.tick() and store.storage.saves == saves


def test_a_refused_write_is_said_once_and_the_next_change_tries_again(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    said: list[str] = []
    writes, moment = behind(store, said)
    on_disk = store.path.read_bytes()
    moment.paused = True

    def refuse(*_: object, **__: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(storage, "atomic_write", refuse)
    with writes.later():
        store.people.save(Person(name="Ana"))
    assert writes.tick() and len(said) == 1 and "No space" in said[0]
    assert not writes.tick() and len(said) == 1  # said once, not at every look
    assert store.unsaved and store.path.read_bytes() == on_disk
    monkeypatch.undo()
    with writes.later():
        store.people.save(Person(name="Bo"))
    assert writes.tick() and names(store) == {"Ana", "Bo"}


def test_quitting_writes_what_waits(store: Store, data_dir: Path) -> None:
    writes, _moment = behind(store, [])
    with writes.later():
        store.people.save(Person(name="Ana"))
    assert close_session(store, data_dir, demo=False) is None
    assert names(store) == {"Ana"}
