"""Who is due: the twice-a-month rhythm with the people on the list."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from enum import StrEnum

from brilliance.domain.models import Person
from brilliance.domain.text import fold_name


class SortOrder(StrEnum):
    """The orders the List can be sorted in, cycled with one key."""

    DUE = "due"
    NAME = "name"
    LAST_MET = "last met"

    def next(self) -> SortOrder:
        members = list(SortOrder)
        return members[(members.index(self) + 1) % len(members)]


def next_due(person: Person) -> date:
    """The day the next meeting with this person is due.

    Someone never met is due from the day they were added: the practice starts now.
    """
    return next_due_after(person, person.last_met)


def next_due_after(person: Person, last_met: date | None) -> date:
    """The day the next meeting with this person is due had they last met on ``last_met``
    (``None``: never)."""
    if last_met is None:
        return person.created_at.date()
    try:
        return last_met + timedelta(days=person.cadence_days)
    except OverflowError:  # a "last met" typed near the year 9999: due at the end of time
        return date.max


def days_until_due(person: Person, today: date) -> int:
    """Days until the next meeting is due: 0 means due today, negative means overdue."""
    return (next_due(person) - today).days


def is_due(person: Person, today: date) -> bool:
    """Due today or overdue."""
    return days_until_due(person, today) <= 0


def describe_due(days: int) -> str:
    """A short human phrase for :func:`days_until_due`."""
    if days == 0:
        return "due today"
    if days < 0:
        return f"{-days} day{'s' if days != -1 else ''} overdue"
    return f"in {days} day{'s' if days != 1 else ''}"


def describe_last_met(last_met: date | None, today: date) -> str:
    """``"3 days ago"``, ``"today"`` or ``"never"``."""
    if last_met is None:
        return "never"
    days = (today - last_met).days
    if days == 0:
        return "today"
    if days == 1:
        return "yesterday"
    if days < 0:
        return last_met.isoformat()
    return f"{days} days ago"


def sort_people(people: Iterable[Person], order: SortOrder, today: date) -> list[Person]:
    """People in the chosen order; ties broken by name so the order never flickers."""

    def by_name(person: Person) -> tuple[str, str]:
        return (person.name.casefold(), person.id)

    if order is SortOrder.NAME:
        return sorted(people, key=by_name)
    if order is SortOrder.LAST_MET:
        # Longest since last met first; never met before everyone.
        return sorted(
            people,
            key=lambda p: (p.last_met or date.min, *by_name(p)),
        )
    return sorted(people, key=lambda p: (days_until_due(p, today), *by_name(p)))


def matches_filter(person: Person, query: str) -> bool:
    """Whether a person matches a List filter: every word in name, skills or goals.

    Case and accents are ignored, as in every name search ("tomas" finds Tomás)."""
    words = filter_words(query)
    return not words or all(word in filter_haystack(person) for word in words)


def filter_words(query: str) -> list[str]:
    """The words of a List filter, folded as the names they are looked for in."""
    return fold_name(query).split()


def filter_haystack(person: Person) -> str:
    """Where a List filter looks: name, skills and goals, folded (see ``matches_filter``)."""
    return fold_name(" ".join([person.name, *person.skills, *person.goals]))
