"""Saves serialize only what changed, and the file is byte for byte what a full write gives."""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

import orjson
import pytest
from tinydb.table import Document

from brilliance.domain.clock import FixedClock
from brilliance.domain.models import FollowUp, JournalEntry, Person, Profile, updated
from brilliance.store import storage
from brilliance.store.store import Store
from brilliance.store.writer import doc_id
from tests.conftest import FROZEN_NOW, reopen


def full_write(store: Store) -> bytes:
    """The file as a save without any cache would write it."""
    return storage.serialize(store.storage.read())


def test_random_changes_give_the_same_bytes_as_a_full_write(store: Store) -> None:
    rng = random.Random(7)
    people: list[Person] = []
    entries: list[JournalEntry] = []
    for step in range(150):
        action = rng.choice(["add", "add", "edit", "delete", "journal", "batch", "profile"])
        if action == "add" or not people:
            people.append(store.people.save(Person(name=f"P{step}", skills=["a", "b"])))
        elif action == "edit":
            index = rng.randrange(len(people))
            people[index] = store.people.save(updated(people[index], headline=f"h{step}"))
        elif action == "delete":
            gone = people.pop(rng.randrange(len(people)))
            store.delete_person(gone.id)
        elif action == "journal":
            entries.append(
                store.journal.save(JournalEntry(written_at=FROZEN_NOW, text=f"entry {step}"))
            )
        elif action == "batch":
            with store.batch():
                store.followups.save(
                    FollowUp(person_id=people[0].id, text=f"f{step}", due=date(2026, 12, 1))
                )
                if entries:
                    store.journal.delete(entries.pop().id)
        else:
            store.save_profile(Profile(name=f"Me {step}"))
        assert store.path.read_bytes() == full_write(store), f"after step {step}: {action}"
    again = reopen(store)
    try:
        assert len(again.people) == len(people)
    finally:
        again.close()


def test_a_save_serializes_only_the_changed_record(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    with store.batch():
        store.people.save_many(Person(name=f"P{n}") for n in range(50))
        store.journal.save_many(
            JournalEntry(written_at=FROZEN_NOW - timedelta(days=n), text=f"day {n}")
            for n in range(200)
        )
    calls: list[str] = []
    real = storage.record_line

    def counting(record_id: str, record: object) -> bytes:
        calls.append(record_id)
        return real(record_id, record)

    monkeypatch.setattr(storage, "record_line", counting)
    entry = store.journal.save(JournalEntry(written_at=FROZEN_NOW, text="one more"))
    assert calls == [entry.id]
    calls.clear()
    person = store.people.all()[3]
    store.people.save(updated(person, headline="changed"))
    assert calls == [person.id]
    assert store.path.read_bytes() == full_write(store)


def test_a_whole_new_content_is_serialized_afresh(tmp_path: Path, clock: FixedClock) -> None:
    with Store.open(tmp_path / "a", clock=clock) as store:
        ana = store.people.save(Person(name="Ana"))
        tables = store.storage.read()
        swapped = {name: dict(table) for name, table in tables.items()}
        swapped["people"][ana.id] = {**swapped["people"][ana.id], "headline": "Swapped"}
        store.storage.replace_all(swapped)
        store.flush()
        on_disk = orjson.loads(store.path.read_bytes())
        assert on_disk["people"][ana.id]["headline"] == "Swapped"
        assert store.path.read_bytes() == full_write(store)


def test_tinydb_in_place_updates_are_refused(store: Store) -> None:
    store.people.save(Person(name="Ana"))
    table = store.writer.db.table("people")
    for method in ("update", "update_multiple", "upsert"):
        with pytest.raises(TypeError, match="never changed in place"):
            getattr(table, method)({"name": "Bo"})
    assert store.people.find_by_name("Ana") is not None


def test_a_record_replaced_behind_the_repositories_back_is_still_written(store: Store) -> None:
    # Every repository change also tells the cache what changed; this one does not, so the
    # file is right only because a new record object is never taken for the old one.
    ana = store.people.save(Person(name="Ana"))
    store.people.save(Person(name="Bo"))
    record = {**store.storage.read()["people"][ana.id], "headline": "Behind the back"}

    table = store.writer.db.table("people")
    with store.batch():
        table.remove(doc_ids=[doc_id(ana.id)])
        table.insert(Document(record, doc_id=doc_id(ana.id)))
    assert orjson.loads(store.path.read_bytes())["people"][ana.id]["headline"] == "Behind the back"
    assert store.path.read_bytes() == full_write(store)


def test_the_cache_keeps_one_copy_of_the_file(store: Store) -> None:
    with store.batch():
        people = [Person(name=f"P{n}", headline="x" * 200) for n in range(300)]
        store.people.save_many(people)
        store.journal.save_many(
            JournalEntry(written_at=FROZEN_NOW - timedelta(days=n), text=f"day {n} " * 40)
            for n in range(300)
        )
    store.people.save(updated(store.people.all()[7], headline="changed"))
    store.journal.save(JournalEntry(written_at=FROZEN_NOW, text="one more"))
    size = len(store.path.read_bytes())
    held = store.storage._lines.held()
    assert size * 0.9 < held <= size  # each line once: not a line and a block holding it again
    assert store.path.read_bytes() == full_write(store)


def test_lines_taken_from_the_old_block_give_the_same_bytes() -> None:
    # Inserts, edits of other lengths and deletions anywhere: runs of unchanged lines move.
    rng = random.Random(19)
    tables: dict[str, dict[str, object]] = {"t": {f"{n:04d}": {"n": n} for n in range(0, 60, 2)}}
    cache = storage.LineCache()
    for step in range(300):
        table = dict(tables["t"])
        record_id = f"{rng.randrange(60):04d}"
        if record_id in table and rng.random() < 0.4:
            del table[record_id]
        else:
            table[record_id] = {"n": step, "pad": "x" * rng.randrange(40)}
        cache.forget("t", record_id)
        tables["t"] = table
        assert storage.serialize(tables, cache) == storage.serialize(tables), f"step {step}"
