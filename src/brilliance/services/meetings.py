"""Meeting workflows that change several records at once, for the Prep screen and the shell."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from brilliance.domain.acquaintances import record_introductions
from brilliance.domain.meetings import last_met_after_logging, prep_state
from brilliance.domain.models import FollowUp, Meeting, Person, updated
from brilliance.store.store import Store


def save_prep(
    store: Store, meeting: Meeting, ticks: Iterable[str], questions: list[str]
) -> Meeting:
    """Save the prep sheet's questions and ticks with ``meeting``; returns the saved meeting."""
    return store.meetings.save(meeting.model_copy(update={"prep": prep_state(ticks, questions)}))


def save_next_prep(
    store: Store, person: Person, ticks: Iterable[str], questions: list[str]
) -> Person:
    """Keep the prep sheet for a next meeting not planned yet with ``person`` (issue 14.9)."""
    draft = prep_state(ticks, questions)
    return store.people.save(
        updated(person, next_prep=draft if draft.checked or draft.questions else None)
    )


def save_planned_meeting(store: Store, meeting: Meeting) -> Meeting:
    """Save a newly planned meeting; the sheet kept for it before (``next_prep``) is now its
    own, so the person's draft is cleared in the same write."""
    person = store.people.get(meeting.person_id)
    with store.batch():
        saved = store.meetings.save(meeting)
        if person is not None and person.next_prep is not None:
            store.people.save(updated(person, next_prep=None))
    return saved


def log_meeting(
    store: Store,
    person: Person,
    meeting: Meeting,
    followups: Sequence[FollowUp],
    before: Meeting | None,
) -> Meeting:
    """Save a logged meeting, its new promises and the person's "last met", in one write.

    Introductions made at the meeting are recorded on both sides: each now knows the other.

    ``before`` is the meeting as it was before this log (None for a new one): un-holding a
    meeting recomputes "last met" from the others. A new one takes the sheet kept for the next
    meeting, so the person's ``next_prep`` is cleared. Raises the store's errors (ConflictError,
    SaveError); the changes then stay in memory for the next save that works.
    """
    others = store.meetings.for_person(person.id)
    last_met = last_met_after_logging(person, meeting, before, others)
    people = {p.id: p for p in store.people}
    clear_draft = before is None and person.next_prep is not None
    people[person.id] = updated(
        person, last_met=last_met, **({"next_prep": None} if clear_draft else {})
    )
    changed = {p.id: p for p in record_introductions(meeting, people)}
    if last_met != person.last_met or clear_draft:
        changed.setdefault(person.id, people[person.id])
    with store.batch():
        saved = store.meetings.save(meeting)
        for followup in followups:
            store.followups.save(followup)
        for changed_person in changed.values():
            store.people.save(changed_person)
    return saved
