"""Meeting workflows that change several records at once, for the Prep screen and the shell."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from brilliance.domain.meetings import last_met_after_logging, prep_state
from brilliance.domain.models import FollowUp, Meeting, Person, updated
from brilliance.store.store import Store


def save_prep(
    store: Store, meeting: Meeting, ticks: Iterable[str], questions: list[str]
) -> Meeting:
    """Save the prep sheet's questions and ticks with ``meeting``; returns the saved meeting."""
    return store.meetings.save(meeting.model_copy(update={"prep": prep_state(ticks, questions)}))


def log_meeting(
    store: Store,
    person: Person,
    meeting: Meeting,
    followups: Sequence[FollowUp],
    before: Meeting | None,
) -> Meeting:
    """Save a logged meeting, its new promises and the person's "last met", in one write.

    ``before`` is the meeting as it was before this log (None for a new one): un-holding a
    meeting recomputes "last met" from the others. Raises the store's errors (ConflictError,
    SaveError); the changes then stay in memory for the next save that works.
    """
    others = store.meetings.for_person(person.id)
    last_met = last_met_after_logging(person, meeting, before, others)
    with store.batch():
        saved = store.meetings.save(meeting)
        for followup in followups:
            store.followups.save(followup)
        if last_met != person.last_met:
            store.people.save(updated(person, last_met=last_met))
    return saved
