"""Issue 11, item 6: the store uses TinyDB through its public face only.

What the store relies on is pinned here, so a TinyDB release that changes it fails these tests
rather than the user's data: a ``Table`` subclass keyed by strings, ``insert_multiple`` of
``Document`` objects that carry their ids, ``remove(doc_ids=...)``, and a ``Storage`` subclass
given to ``TinyDB(storage=...)``.
"""

from __future__ import annotations

import re
from pathlib import Path

from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Document

from brilliance.domain.models import Person
from brilliance.store.store import Store
from brilliance.store.writer import StrIdTable, doc_id

SRC = Path(__file__).resolve().parents[2] / "src" / "brilliance"


class DictStorage(Storage):
    def __init__(self) -> None:
        self.data: dict[str, dict[str, object]] = {}
        self.writes = 0

    def read(self) -> dict[str, dict[str, object]]:
        return self.data

    def write(self, data: dict[str, dict[str, object]]) -> None:
        self.data = data
        self.writes += 1


def test_no_private_tinydb_call_in_the_code() -> None:
    private = re.compile(r"\._(update_table|read_table|get_next_id|storage)\b")
    offenders = [
        f"{path.relative_to(SRC)}:{n}"
        for path in SRC.rglob("*.py")
        for n, line in enumerate(path.read_text().splitlines(), 1)
        if private.search(line)
    ]
    assert offenders == []


def test_string_ids_through_the_public_table_api() -> None:
    storage = DictStorage()
    db = TinyDB(storage=lambda: storage)
    db.table_class = StrIdTable
    table = db.table("people")
    table.insert_multiple(
        [
            Document({"name": "Ana"}, doc_id=doc_id("a1")),
            Document({"name": "Bo"}, doc_id=doc_id("b2")),
        ]
    )
    assert storage.data["people"] == {"a1": {"name": "Ana"}, "b2": {"name": "Bo"}}
    assert table.remove(doc_ids=[doc_id("a1")]) == [doc_id("a1")]
    assert storage.data["people"] == {"b2": {"name": "Bo"}}
    assert table.get(doc_id=doc_id("b2")) == {"name": "Bo"}
    assert storage.writes == 2


def test_a_replaced_record_is_a_new_object_in_a_new_table(store: Store) -> None:
    """The line cache depends on it: records and tables are replaced, never changed in place."""
    ana = store.people.save(Person(name="Ana"))
    before_table = store.storage.read()["people"]
    before_record = before_table[ana.id]
    store.people.save(ana.model_copy(update={"headline": "Designer"}))
    after_table = store.storage.read()["people"]
    assert after_table is not before_table
    assert after_table[ana.id] is not before_record
    assert before_record.get("headline", "") == ""
