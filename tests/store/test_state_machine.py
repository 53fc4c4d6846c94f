"""A state machine adds, edits and deletes records, reopens from disk, and checks a plain model."""

from __future__ import annotations

import shutil
import tempfile
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import Bundle, RuleBasedStateMachine, invariant, rule

from brilliance.domain.clock import FixedClock
from brilliance.domain.models import JournalEntry, Meeting, Person
from brilliance.store.store import Store

texts = st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=30)
names = texts.map(str.strip).filter(bool)
START = datetime(2026, 1, 1, 9)


class StoreMachine(RuleBasedStateMachine):
    people = Bundle("people")
    meetings = Bundle("meetings")
    entries = Bundle("entries")

    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="brilliance-sm-"))
        self.clock = FixedClock(START)
        self.store = Store.open(self.folder, clock=self.clock)
        self.model: dict[str, dict[str, Any]] = {"people": {}, "meetings": {}, "journal": {}}

    def teardown(self) -> None:
        self.store.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    def tick(self) -> None:
        self.clock.set(self.clock.now() + timedelta(minutes=7))

    @rule(target=people, name=names, notes=texts, on_list=st.booleans())
    def add_person(self, name: str, notes: str, on_list: bool) -> str:
        self.tick()
        person = self.store.people.save(Person(name=name, notes=notes, on_list=on_list))
        self.model["people"][person.id] = (person.name, person.notes, person.on_list)
        return person.id

    @rule(person_id=people, notes=texts)
    def edit_person(self, person_id: str, notes: str) -> None:
        person = self.store.people.get(person_id)
        if person is None:
            return
        self.tick()
        self.store.people.save(person.model_copy(update={"notes": notes}))
        name, _, on_list = self.model["people"][person_id]
        self.model["people"][person_id] = (name, notes, on_list)

    @rule(person_id=people)
    def delete_person(self, person_id: str) -> None:
        if person_id not in self.store.people:
            return
        removal = self.store.delete_person(person_id)
        del self.model["people"][person_id]
        for meeting in removal.meetings:
            del self.model["meetings"][meeting.id]

    @rule(target=meetings, person_id=people, notes=texts, days=st.integers(-60, 60))
    def add_meeting(self, person_id: str, notes: str, days: int) -> str:
        if person_id not in self.store.people:
            return ""
        meeting = self.store.meetings.save(
            Meeting(person_id=person_id, when=START + timedelta(days=days), notes=notes)
        )
        self.model["meetings"][meeting.id] = (person_id, notes)
        return meeting.id

    @rule(meeting_id=meetings)
    def delete_meeting(self, meeting_id: str) -> None:
        if meeting_id and self.store.meetings.delete(meeting_id) is not None:
            del self.model["meetings"][meeting_id]

    @rule(target=entries, text=texts)
    def add_entry(self, text: str) -> str:
        self.tick()
        entry = self.store.journal.save(JournalEntry(written_at=self.clock.now(), text=text))
        self.model["journal"][entry.id] = text
        return entry.id

    @rule(entry_id=entries, text=texts)
    def edit_entry(self, entry_id: str, text: str) -> None:
        entry = self.store.journal.get(entry_id)
        if entry is None:
            return
        self.store.journal.save(entry.model_copy(update={"text": text}))
        self.model["journal"][entry_id] = text

    @rule(entry_id=entries)
    def delete_entry(self, entry_id: str) -> None:
        if self.store.journal.delete(entry_id) is not None:
            del self.model["journal"][entry_id]

    @rule()
    def reopen_from_disk(self) -> None:
        self.store.close()
        self.store = Store.open(self.folder, clock=self.clock)

    @invariant()
    def matches_the_model(self) -> None:
        store = self.store
        assert {p.id: (p.name, p.notes, p.on_list) for p in store.people} == self.model["people"]
        assert {m.id: (m.person_id, m.notes) for m in store.meetings} == self.model["meetings"]
        assert {e.id: e.text for e in store.journal} == self.model["journal"]


StoreMachine.TestCase.settings = settings(max_examples=40, stateful_step_count=25, deadline=None)
TestStoreMachine = StoreMachine.TestCase
