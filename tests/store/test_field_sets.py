"""Loaded records share one ``model_fields_set`` per distinct set of names and one empty prep
sheet (issue 19, memory), and nothing about the models changes: their sets hold what pydantic
gave them, a change to one record leaves the others' alone, frozen records still refuse
assignment, and the file written again is the same."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import orjson
import pytest
from pydantic import ValidationError

from brilliance.domain.clock import FixedClock
from brilliance.domain.models import SCHEMA_VERSION, Meeting, Person, PrepState, Record
from brilliance.store.fileformat import ENTITY_TABLES
from brilliance.store.paths import DATA_FILE_NAME
from brilliance.store.storage import serialize
from brilliance.store.store import Store
from tests.conftest import reopen

WHEN = datetime(2026, 3, 2, 9)


def open_file(data_dir: Path) -> Store:
    """A file as a person, an older version or another device may write it: some records
    name every field, others only some (the rest take their defaults)."""
    people: dict[str, Any] = {}
    meetings: dict[str, Any] = {}
    journal: dict[str, Any] = {}
    for n in range(6):
        people[f"p{n}"] = {"id": f"p{n}", "name": f"P{n}"} | (
            {"email": "a@b.cd", "important_dates": [{"kind": "birthday", "month": 3, "day": n + 1}]}
            if n % 2
            else {}
        )
        meetings[f"m{n}"] = {
            "id": f"m{n}",
            "person_id": f"p{n}",
            "when": WHEN.isoformat(),
            "value_given": [{"kind": "information", "note": f"n{n}"}],
        }
        journal[f"j{n}"] = {"id": f"j{n}", "text": f"entry {n}", "written_at": WHEN.isoformat()}
        if n % 3:
            journal[f"j{n}"]["tags"] = ["t"]
    tables = {"meta": {"schema": {"version": SCHEMA_VERSION}}, "people": people}
    tables |= {"meetings": meetings, "journal": journal}
    (data_dir / DATA_FILE_NAME).write_bytes(orjson.dumps(tables))
    return Store.open(data_dir, lock=False)


def test_equal_sets_are_shared_and_each_holds_what_pydantic_gives(tmp_path: Path) -> None:
    loaded = open_file(tmp_path)
    try:
        records = loaded.storage.read()
        for table in ENTITY_TABLES:
            items = loaded.repositories()[table].all()
            for item in items:
                fresh = type(item).model_validate(records[table][item.id])
                assert item.model_fields_set == fresh.model_fields_set
                assert item.model_dump(exclude_unset=True) == fresh.model_dump(exclude_unset=True)
                assert item == fresh
            distinct = {frozenset(item.model_fields_set) for item in items}
            assert len({id(item.model_fields_set) for item in items}) == len(distinct)
        nested: list[Record] = [d for p in loaded.people.all() for d in p.important_dates]
        nested += [v for m in loaded.meetings.all() for v in m.value_given]
        assert len(nested) == 9
        assert len({id(item.model_fields_set) for item in nested}) == 2  # one per model
        assert len({id(p.model_fields_set) for p in loaded.people.all()}) == 2
    finally:
        loaded.close()


def test_changing_one_record_leaves_the_others_sets_alone(tmp_path: Path) -> None:
    loaded = open_file(tmp_path)
    try:
        first, *others = sorted(loaded.journal.all(), key=lambda e: -len(e.tags))
        shared = set(first.model_fields_set)
        assert all(e.model_fields_set is first.model_fields_set for e in others if e.tags)
        changed = first.model_copy(update={"prompt": "why?"})
        assert "prompt" in changed.model_fields_set
        assert first.model_fields_set == shared
        assert all("prompt" not in e.model_fields_set for e in others)
        with pytest.raises(ValidationError):
            first.text = "changed in place"  # type: ignore[misc]
        assert first.model_fields_set == shared
    finally:
        loaded.close()


def test_empty_nested_records_are_one_and_the_file_is_unchanged(store: Store) -> None:
    """Every meeting's empty prep sheet is one model and one nested record after loading; the
    file written again is byte for byte the same, and changing one meeting's prep changes
    only that meeting."""
    ana = store.people.save(Person(name="Ana"))
    with store.batch():
        for n in range(4):
            store.meetings.save(Meeting(person_id=ana.id, when=WHEN.replace(day=n + 1)))
        store.meetings.save(Meeting(person_id=ana.id, when=WHEN, prep=PrepState(checked=["goals"])))
    written = store.path.read_bytes()
    loaded = reopen(store)
    try:
        assert serialize(loaded.storage.read()) == written
        meetings = loaded.meetings.all()
        empty = [m for m in meetings if not m.prep.checked]
        assert len(empty) == 4 and len({id(m.prep) for m in empty}) == 1
        assert all(m.prep == PrepState() for m in empty)
        (full,) = [m for m in meetings if m.prep.checked]
        assert full.prep.checked == ["goals"] and full.prep is not empty[0].prep
        records = loaded.storage.read()["meetings"]
        assert len({id(records[m.id]["prep"]) for m in empty}) == 1
        changed = empty[0].model_copy(update={"prep": PrepState(questions=["why?"])})
        assert all(m.prep.questions == [] for m in empty)
        assert records[empty[1].id]["prep"] == {"checked": [], "questions": []}
        assert changed.prep.questions == ["why?"]
    finally:
        loaded.close()


def test_ids_and_unchanged_stamps_are_one_string(store: Store, clock: FixedClock) -> None:
    ana = store.people.save(Person(name="Ana"))
    clock.set(clock.now() + timedelta(minutes=5))
    store.people.save(ana.model_copy(update={"headline": "edited"}))
    bo = store.people.save(Person(name="Bo"))
    written = store.path.read_bytes()
    loaded = reopen(store)
    try:
        assert serialize(loaded.storage.read()) == written
        people = loaded.storage.read()["people"]
        for key, record in people.items():
            assert record["id"] is key and loaded.people.require(key).id is key
        assert people[bo.id]["updated_at"] is people[bo.id]["created_at"]
        assert people[ana.id]["updated_at"] != people[ana.id]["created_at"]
    finally:
        loaded.close()
