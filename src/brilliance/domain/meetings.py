"""Logging a meeting: what it changes about the person (their "last met")."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from brilliance.domain.models import Meeting, MeetingStatus, Person


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
