"""The one place where records are written into TinyDB, each change stamped.

Only TinyDB's public face is used: a ``Storage`` subclass (``AtomicJSONStorage``), a ``Table``
subclass keyed by our string ids (``StrIdTable``), and ``Table.insert_multiple`` /
``Table.remove(doc_ids=...)``. A replaced record is removed then inserted, inside one storage
batch, so the pair costs one write of the file; when that write fails both halves are still
held in memory and go out with the next save.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, cast

from tinydb import TinyDB
from tinydb.table import Document, Table

from brilliance.store.merge import TOMBSTONE_TABLE, tombstone_key
from brilliance.store.stamps import STAMP_KEY, HybridClock
from brilliance.store.storage import AtomicJSONStorage


class StrIdTable(Table):
    """A TinyDB table keyed by our own string ids rather than TinyDB's integers.

    Records are replaced, never changed in place: the storage keeps each record's serialized
    line for as long as the record is the same object. TinyDB's in-place updates are refused.
    """

    document_id_class = str  # type: ignore[assignment]

    def update(self, *args: Any, **kwargs: Any) -> list[int]:
        raise TypeError(
            "records are replaced, never changed in place: save them through a Repository"
        )

    update_multiple = update
    upsert = update


def doc_id(item_id: str) -> int:
    """TinyDB's annotations say document ids are ints; our tables use strings (StrIdTable)."""
    return cast(int, item_id)


def _unchanged(stored: Any, record: dict[str, Any]) -> bool:
    """Whether ``stored`` (with its stamp) holds exactly ``record``'s fields."""
    if stored is None or len(stored) != len(record) + (STAMP_KEY in stored):
        return False
    return all(stored.get(key, _MISSING) == value for key, value in record.items())


_MISSING = object()


class StampedWriter:
    """Puts and removes records, stamping each change and keeping tombstones for deletions."""

    def __init__(
        self,
        storage: AtomicJSONStorage,
        hlc: HybridClock,
        on_change: Callable[[str, str], None],
    ) -> None:
        self.storage = storage
        self.hlc = hlc
        self._on_change = on_change
        self.db = TinyDB(storage=self._storage_factory)
        self.db.table_class = StrIdTable

    def _storage_factory(self) -> AtomicJSONStorage:
        return self.storage

    def _present(self, table: str, ids: Iterable[str]) -> list[int]:
        """Which of ``ids`` the table holds (TinyDB before 4.9 refuses to remove absent ids)."""
        held = self.storage.read().get(table, {})
        return [doc_id(i) for i in ids if i in held]

    def put(self, table: str, records: list[tuple[str, dict[str, Any]]]) -> None:
        """Add or replace records (a new stamp each) and forget their tombstones; one write.

        A record saved exactly as the file holds it is not a change: it keeps its stamp (so
        it does not win over another device's real change) and nothing is written for it.
        """
        held = self.storage.read().get(table, {})
        stamped = [
            (record_id, {**record, STAMP_KEY: self.hlc.next()})
            for record_id, record in records
            if not _unchanged(held.get(record_id), record)
        ]
        if not stamped:
            return
        for record_id, _ in stamped:
            self._on_change(table, record_id)
        with self.storage.batch():
            replaced = self._present(table, (record_id for record_id, _ in stamped))
            if replaced:
                self.db.table(table).remove(doc_ids=replaced)
            self.db.table(table).insert_multiple(
                Document(record, doc_id=doc_id(record_id)) for record_id, record in stamped
            )
            revived = self._present(
                TOMBSTONE_TABLE, (tombstone_key(table, record_id) for record_id, _ in stamped)
            )
            if revived:
                self.db.table(TOMBSTONE_TABLE).remove(doc_ids=revived)

    def remove(self, table: str, ids: list[str]) -> None:
        """Remove records, leaving a tombstone (id, stamp) for each; one write."""
        gone = self._present(table, ids)
        for record_id in ids:
            self._on_change(table, record_id)
        keys = [tombstone_key(table, record_id) for record_id in ids]
        with self.storage.batch():
            if gone:
                self.db.table(table).remove(doc_ids=gone)
            older = self._present(TOMBSTONE_TABLE, keys)
            if older:
                self.db.table(TOMBSTONE_TABLE).remove(doc_ids=older)
            self.db.table(TOMBSTONE_TABLE).insert_multiple(
                Document({STAMP_KEY: self.hlc.next()}, doc_id=doc_id(key)) for key in keys
            )
