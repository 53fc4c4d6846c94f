"""Repositories: the only way screens read and change records. They take and return models."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, Generic, TypeVar, cast

from tinydb.table import Document, Table

from brilliance.domain.models import (
    Entity,
    Event,
    FollowUp,
    JournalEntry,
    Meeting,
    Person,
)

if TYPE_CHECKING:
    from brilliance.domain.clock import Clock

M = TypeVar("M", bound=Entity)


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


def document(item: Entity) -> Document:
    """A model as a TinyDB document keyed by its id."""
    return Document(item.model_dump(mode="json"), doc_id=doc_id(item.id))


class Repository(Generic[M]):
    """All records of one kind, held in memory as models and saved through TinyDB."""

    model: type[M]

    def __init__(
        self,
        table: Table,
        items: dict[str, M],
        clock: Clock,
        on_change: Callable[[str, str], None],
    ) -> None:
        self._table = table
        self._items = items
        self._clock = clock
        self._on_change = on_change

    def replace_items(self, items: dict[str, M]) -> None:
        """Take a whole new set of records (after loading the file again)."""
        self._items = items

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, item_id: object) -> bool:
        return item_id in self._items

    def __iter__(self) -> Iterator[M]:
        return iter(self._items.values())

    def all(self) -> list[M]:
        """Every record, in no particular order."""
        return list(self._items.values())

    def get(self, item_id: str) -> M | None:
        return self._items.get(item_id)

    def require(self, item_id: str) -> M:
        """The record with this id; KeyError when there is none."""
        return self._items[item_id]

    def save(self, item: M, *, touch: bool = True) -> M:
        """Add or replace a record and write the file. Returns the record as stored.

        ``touch`` sets ``updated_at`` (and ``created_at`` for a new record) from the clock.
        Raises ``SaveError`` if the disk refuses; the change is then still held in memory.
        """
        if touch:
            now = self._clock.now()
            changes: dict[str, object] = {"updated_at": now}
            if item.id not in self._items:
                changes["created_at"] = now
            item = item.model_copy(update=changes)
        self._put([item])
        return item

    def save_many(self, items: Iterable[M]) -> None:
        """Add or replace several records in one write, keeping their timestamps."""
        self._put(list(items))

    def _put(self, items: list[M]) -> None:
        """Put records into memory and the TinyDB table, then write once.

        One table update (not TinyDB's upsert, which is an update then an insert, each with
        its own write) so that when the write fails the change is still held in memory and
        goes out with the next save.
        """
        for item in items:
            self._items[item.id] = item
            self._on_change(self._table.name, item.id)
        documents = [document(item) for item in items]

        def put_all(table: dict[int, Any]) -> None:
            for each in documents:
                table[each.doc_id] = dict(each)

        self._table._update_table(put_all)

    def delete(self, item_id: str) -> M | None:
        """Remove a record; returns it (for undo) or None if there was none."""
        item = self._items.pop(item_id, None)
        if item is not None:
            self._on_change(self._table.name, item_id)
            self._table.remove(doc_ids=[doc_id(item_id)])
        return item

    def delete_many(self, item_ids: Iterable[str]) -> list[M]:
        """Remove several records in one write; returns those that existed."""
        removed = [item for i in item_ids if (item := self._items.pop(i, None)) is not None]
        for item in removed:
            self._on_change(self._table.name, item.id)
        if removed:
            self._table.remove(doc_ids=[doc_id(item.id) for item in removed])
        return removed


class PeopleRepository(Repository[Person]):
    model = Person

    def on_list(self) -> list[Person]:
        return [p for p in self._items.values() if p.on_list]

    def find_by_name(self, name: str) -> Person | None:
        """The person with exactly this name, ignoring case and surrounding spaces."""
        wanted = name.strip().casefold()
        for person in self._items.values():
            if person.name.casefold() == wanted:
                return person
        return None


class MeetingRepository(Repository[Meeting]):
    model = Meeting

    def for_person(self, person_id: str) -> list[Meeting]:
        """This person's meetings, oldest first."""
        return sorted(
            (m for m in self._items.values() if m.person_id == person_id),
            key=lambda m: (m.when, m.id),
        )


class FollowUpRepository(Repository[FollowUp]):
    model = FollowUp

    def for_person(self, person_id: str) -> list[FollowUp]:
        """This person's follow-ups, earliest due first."""
        return sorted(
            (f for f in self._items.values() if f.person_id == person_id),
            key=lambda f: (f.due, f.created_at, f.id),
        )


class EventRepository(Repository[Event]):
    model = Event


class JournalRepository(Repository[JournalEntry]):
    model = JournalEntry

    def newest_first(self) -> list[JournalEntry]:
        return sorted(self._items.values(), key=lambda e: (e.written_at, e.id), reverse=True)

    def mentioning(self, person_id: str) -> list[JournalEntry]:
        """The entries that mention this person, newest first (picked before sorting: a person
        is in a few dozen of ten years' 3,650 entries)."""
        return sorted(
            (e for e in self._items.values() if person_id in e.people),
            key=lambda e: (e.written_at, e.id),
            reverse=True,
        )
