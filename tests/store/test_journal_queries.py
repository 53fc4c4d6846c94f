"""Journal queries the screens use."""

from __future__ import annotations

from datetime import timedelta

from brilliance.domain.models import JournalEntry, Person
from brilliance.store.store import Store
from tests.conftest import FROZEN_NOW


def test_mentioning_is_newest_first_and_only_theirs(store: Store) -> None:
    ana = store.people.save(Person(name="Ana"))
    bo = store.people.save(Person(name="Bo"))
    entries = [
        store.journal.save(
            JournalEntry(written_at=FROZEN_NOW - timedelta(days=n), text=f"{n}", people=people)
        )
        for n, people in enumerate([[ana.id], [bo.id], [ana.id, bo.id], [], [ana.id]])
    ]
    assert store.journal.mentioning(ana.id) == [entries[0], entries[2], entries[4]]
    assert store.journal.mentioning(bo.id) == [entries[1], entries[2]]
    assert store.journal.mentioning("nobody") == []
    assert store.journal.mentioning(ana.id) == [
        e for e in store.journal.newest_first() if ana.id in e.people
    ]
