"""Logging a meeting and saving its prep: the workflows behind the Prep screen, without Textual."""

from __future__ import annotations

import errno
import os
from datetime import date, datetime

import pytest

from brilliance.domain.meetings import prep_state
from brilliance.domain.models import FollowUp, Meeting, MeetingStatus, Person, updated
from brilliance.domain.questions import question_key
from brilliance.services.meetings import (
    log_meeting,
    save_next_prep,
    save_planned_meeting,
    save_prep,
)
from brilliance.store import storage
from brilliance.store.errors import SaveError
from brilliance.store.store import Store
from tests.conftest import reopen


def reopen_quietly(store: Store) -> Store:
    """The folder as another reader sees it now, without closing ``store``."""
    return Store.open(store.data_dir, clock=store.clock, lock=False)


def a_person(store: Store) -> Person:
    return store.people.save(Person(name="Ana Lima", on_list=True, last_met=date(2026, 10, 1)))


def test_logging_saves_meeting_promises_and_last_met_together(store: Store) -> None:
    person = a_person(store)
    held = Meeting(person_id=person.id, when=datetime(2026, 11, 20, 12, 30), status="done")
    promise = FollowUp(person_id=person.id, text="Send the article", due=date(2026, 11, 27))

    saves = store.storage.saves
    saved = log_meeting(store, person, held, [promise], before=None)

    assert saved.id == held.id
    assert store.storage.saves == saves + 1  # one write for the three records
    again = reopen(store)
    try:
        assert again.meetings.require(held.id).status is MeetingStatus.DONE
        assert [f.text for f in again.followups.for_person(person.id)] == ["Send the article"]
        assert again.people.require(person.id).last_met == date(2026, 11, 20)
    finally:
        again.close()


def test_cancelling_the_meeting_that_set_last_met_recomputes_it(store: Store) -> None:
    person = a_person(store)
    held = Meeting(person_id=person.id, when=datetime(2026, 11, 20, 12, 30), status="done")
    log_meeting(store, person, held, [], before=None)
    person = store.people.require(person.id)
    cancelled = updated(held, status=MeetingStatus.CANCELLED)

    log_meeting(store, person, cancelled, [], before=held)

    # No other held meeting: "last met" falls back to nothing rather than the cancelled day.
    assert store.people.require(person.id).last_met is None


def test_a_failed_log_writes_nothing_and_keeps_the_change_in_memory(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    person = a_person(store)
    held = Meeting(person_id=person.id, when=datetime(2026, 11, 20, 12, 30), status="done")

    def refuse(*_: object, **__: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(storage, "atomic_write", refuse)
    with pytest.raises(SaveError):
        log_meeting(store, person, held, [], before=None)
    assert store.unsaved
    assert reopen_quietly(store).meetings.get(held.id) is None  # the file is as it was
    monkeypatch.undo()
    store.flush()
    again = reopen(store)
    try:
        assert again.meetings.get(held.id) is not None
    finally:
        again.close()


def test_a_swapped_out_question_takes_its_tick_with_it() -> None:
    kept, dropped = "What are you working on?", "Where did you grow up?"
    ticks = {question_key(kept), question_key(dropped), "value:abc"}

    state = prep_state(ticks, [kept, "A new question"])

    assert state.questions == [kept, "A new question"]
    assert set(state.checked) == {question_key(kept), "value:abc"}


def test_save_prep_stores_ticks_and_questions_with_the_meeting(store: Store) -> None:
    person = a_person(store)
    meeting = store.meetings.save(Meeting(person_id=person.id, when=datetime(2026, 11, 26, 12, 30)))
    question = "What are you working on?"

    save_prep(store, meeting, {question_key(question), "q:gone"}, [question])

    prep = store.meetings.require(meeting.id).prep
    assert prep.questions == [question]
    assert prep.checked == [question_key(question)]


def test_the_sheet_for_a_meeting_not_planned_yet_waits_with_the_person(store: Store) -> None:
    # Issue 14.9: ticks made before planning survive a restart, then go with the plan.
    person = a_person(store)
    question = "What are you working on?"
    save_next_prep(store, person, {question_key(question), "q:gone"}, [question])
    again = reopen(store)
    try:
        draft = again.people.require(person.id).next_prep
        assert draft is not None
        assert (draft.questions, draft.checked) == ([question], [question_key(question)])
    finally:
        again.close()

    saves = store.storage.saves
    planned = Meeting(person_id=person.id, when=datetime(2026, 11, 26, 12, 30))
    save_planned_meeting(store, planned)
    assert store.storage.saves == saves + 1  # the meeting and the cleared draft in one write
    assert store.people.require(person.id).next_prep is None

    empty = save_next_prep(store, store.people.require(person.id), set(), [])
    assert empty.next_prep is None  # nothing chosen: nothing kept


def test_logging_a_new_meeting_takes_the_draft_and_an_old_one_leaves_it(store: Store) -> None:
    person = a_person(store)
    earlier = Meeting(person_id=person.id, when=datetime(2026, 11, 2, 12, 30), status="done")
    log_meeting(store, person, earlier, [], before=None)
    person = save_next_prep(store, store.people.require(person.id), {"value:x"}, ["Why?"])

    # Editing the log of an earlier meeting leaves the sheet kept for the next one.
    edited = updated(earlier, notes="Talked about the move.")
    log_meeting(store, person, edited, [], before=earlier)
    person = store.people.require(person.id)
    assert person.next_prep is not None

    # Logging a meeting that just happened (never planned) takes it.
    held = Meeting(person_id=person.id, when=datetime(2026, 11, 20, 12, 30), status="done")
    log_meeting(store, person, held, [], before=None)
    assert store.people.require(person.id).next_prep is None
