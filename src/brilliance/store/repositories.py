"""Repositories: the only way screens read and change records. They take and return models."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Generic, TypeVar

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
    from brilliance.store.writer import StampedWriter

M = TypeVar("M", bound=Entity)


class Repository(Generic[M]):
    """All records of one kind, held in memory as models and saved through the store's
    :class:`~brilliance.store.writer.StampedWriter` (which stamps each change)."""

    model: type[M]

    def __init__(
        self,
        table: str,
        items: dict[str, M],
        clock: Clock,
        writer: StampedWriter,
    ) -> None:
        self.table = table
        self._items = items
        self._clock = clock
        self._writer = writer

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
        """Put records into memory and the file's tables, then write once. When the write
        fails the change is still held in memory and goes out with the next save."""
        for item in items:
            self._items[item.id] = item
        if items:
            self._writer.put(
                self.table, [(item.id, item.model_dump(mode="json")) for item in items]
            )

    def delete(self, item_id: str) -> M | None:
        """Remove a record, leaving a tombstone; returns it (for undo) or None if there was none."""
        removed = self.delete_many([item_id])
        return removed[0] if removed else None

    def delete_many(self, item_ids: Iterable[str]) -> list[M]:
        """Remove several records in one write; returns those that existed."""
        removed = [item for i in item_ids if (item := self._items.pop(i, None)) is not None]
        if removed:
            self._writer.remove(self.table, [item.id for item in removed])
        return removed

    def adopt(self, item_id: str, item: M | None) -> None:
        """Take a record (or its deletion) that a merge brought in; the file already has it."""
        if item is None:
            self._items.pop(item_id, None)
        else:
            self._items[item_id] = item


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
