"""Meetings: what logging one changes about the person, the next one planned, its ticks."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta

from brilliance.domain.cadence import next_due
from brilliance.domain.models import Meeting, MeetingStatus, Person, PrepState
from brilliance.domain.questions import question_key

DEFAULT_MEETING_TIME = time(12, 30)
"""Lunchtime: when a newly planned meeting starts unless the user says otherwise."""


def suggested_start(person: Person, today: date) -> datetime:
    """When to propose meeting ``person``: the day they fall due (tomorrow at the earliest)."""
    day = max(next_due(person), today + timedelta(days=1))
    return datetime.combine(day, DEFAULT_MEETING_TIME)


def last_met_after_logging(
    person: Person, logged: Meeting, before: Meeting | None, others: Iterable[Meeting]
) -> date | None:
    """The person's "last met" once ``logged`` is saved (``before`` is its previous state).

    A held meeting moves "last met" forward (never back). Un-holding a meeting (done ->
    cancelled or planned, or a changed date) recomputes it from the other held meetings.
    """
    held_days = [m.day for m in others if m.id != logged.id and m.status is MeetingStatus.DONE]
    if logged.status is MeetingStatus.DONE:
        held_days.append(logged.day)
    was_held = before is not None and before.status is MeetingStatus.DONE
    if was_held and before is not None and person.last_met == before.day:
        # That meeting was what set "last met": recompute without its old date.
        return max(held_days, default=None)
    candidates = [*held_days, *([person.last_met] if person.last_met else [])]
    return max(candidates, default=None)


def next_planned(meetings: Iterable[Meeting], today: date) -> Meeting | None:
    """The earliest planned meeting from today on (or the latest overdue plan if none)."""
    planned = sorted(
        (m for m in meetings if m.status is MeetingStatus.PLANNED), key=lambda m: (m.when, m.id)
    )
    upcoming = [m for m in planned if m.day >= today]
    if upcoming:
        return upcoming[0]
    return planned[-1] if planned else None


def prep_state(ticks: Iterable[str], questions: list[str]) -> PrepState:
    """The prep sheet's state to save with a meeting: its questions and the ticked items.

    A question swapped off the sheet takes its tick with it; other ticks (value, promises,
    introductions...) are kept as they are.
    """
    keep = {question_key(q) for q in questions}
    kept = {k for k in ticks if not k.startswith("q:") or k in keep}
    return PrepState(checked=sorted(kept), questions=questions)
