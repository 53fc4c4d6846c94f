"""What every importer returns: a plan of what would be added, skipped and rejected."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from brilliance.domain.models import Event, JournalEntry, Person


class ImportError_(ValueError):
    """The file as a whole can't be imported (wrong format, unreadable)."""


@dataclass(frozen=True)
class Rejected:
    line: int
    reason: str

    def describe(self) -> str:
        return f"line {self.line}: {self.reason}" if self.line else self.reason


@dataclass
class ImportPlan:
    """What an import would do."""

    kind: str
    people: list[Person] = field(default_factory=list)
    journal: list[JournalEntry] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    backup_tables: dict[str, dict[str, Any]] | None = None
    """For a JSON backup: the whole content to restore or merge."""
    records_added: int | None = None
    """Set once a backup is merged: how many of its records were new."""

    @property
    def added(self) -> int:
        if self.records_added is not None:
            return self.records_added
        if self.backup_tables is not None:
            return sum(
                len(t) for name, t in self.backup_tables.items() if name not in ("meta", "profile")
            )
        return len(self.people) + len(self.journal) + len(self.events)


def match_key(text: str) -> str:
    """A name or title as compared for duplicates: spaces folded, case ignored."""
    return " ".join(text.split()).casefold()


class PeopleDeduper:
    """Skips people already in the network (same email, or same name) or earlier in the file."""

    def __init__(self, existing: Iterable[Person]) -> None:
        self.emails: set[str] = set()
        self.names: set[str] = set()
        for person in existing:
            self.remember(person)

    def remember(self, person: Person) -> None:
        if person.email:
            self.emails.add(person.email.casefold())
        self.names.add(match_key(person.name))

    def duplicate(self, person: Person) -> str | None:
        if person.email and person.email.casefold() in self.emails:
            return f"{person.name}: someone with {person.email} is already in your network"
        if match_key(person.name) in self.names:
            return f"{person.name}: already in your network"
        return None
