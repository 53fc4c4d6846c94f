"""Today: the daily practice in one agenda. Pure functions over the store's records."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from brilliance.domain.cadence import days_until_due, is_due
from brilliance.domain.content import Idea
from brilliance.domain.daily import daily_pick
from brilliance.domain.journal import journal_streak
from brilliance.domain.models import (
    FollowUp,
    JournalEntry,
    Meeting,
    MeetingStatus,
    Person,
)
from brilliance.domain.today_view import SPARK as SPARK  # re-exported
from brilliance.domain.today_view import sparkline as sparkline

WEEKS = 12
COMING_UP_DAYS = 7
VALUE_WINDOW_DAYS = 30
MEETINGS_PER_PERSON_PER_MONTH = 2


def idea_of_the_day(ideas: Sequence[Idea], day: date) -> Idea:
    return daily_pick(ideas, [i.id for i in ideas], day)


def due_people(people: Iterable[Person], today: date) -> list[Person]:
    """People on the list whose meeting is due or overdue, most overdue first."""
    due = [p for p in people if p.on_list and is_due(p, today)]
    return sorted(due, key=lambda p: (days_until_due(p, today), p.name.casefold(), p.id))


def coming_up(
    meetings: Iterable[Meeting], today: date, days: int = COMING_UP_DAYS
) -> list[Meeting]:
    """Planned meetings from today through the next ``days`` days, soonest first."""
    end = today + timedelta(days=days)
    planned = [m for m in meetings if m.status is MeetingStatus.PLANNED and today <= m.day <= end]
    return sorted(planned, key=lambda m: (m.when, m.id))


def promises_due(followups: Iterable[FollowUp], today: date) -> list[FollowUp]:
    """Open follow-ups due today or overdue, oldest first."""
    due = [f for f in followups if not f.done and f.due <= today]
    return sorted(due, key=lambda f: (f.due, f.created_at, f.id))


def promises_soon(
    followups: Iterable[FollowUp], today: date, days: int = COMING_UP_DAYS
) -> list[FollowUp]:
    """Open follow-ups due after today and within ``days`` days, soonest first."""
    end = today + timedelta(days=days)
    soon = [f for f in followups if not f.done and today < f.due <= end]
    return sorted(soon, key=lambda f: (f.due, f.created_at, f.id))


def last_value_given(person_id: str, meetings: Iterable[Meeting]) -> date | None:
    """The last day any value was logged for this person."""
    days = [
        m.day
        for m in meetings
        if m.person_id == person_id and m.status is MeetingStatus.DONE and m.value_given
    ]
    return max(days, default=None)


def last_value_days(meetings: Iterable[Meeting]) -> dict[str, date]:
    """:func:`last_value_given` for everyone at once, in one pass over the meetings."""
    last: dict[str, date] = {}
    for meeting in meetings:
        if meeting.status is MeetingStatus.DONE and meeting.value_given:
            day = meeting.day
            seen = last.get(meeting.person_id)
            if seen is None or day > seen:
                last[meeting.person_id] = day
    return last


def without_value(
    people: Iterable[Person],
    meetings: Sequence[Meeting],
    today: date,
    window: int = VALUE_WINDOW_DAYS,
) -> list[tuple[Person, date | None]]:
    """People on the list who received no value in ``window`` days, longest wait first."""
    since = today - timedelta(days=window)
    last_days = last_value_days(meetings)  # one pass, not one per person (issue 19)
    result = []
    for person in people:
        if not person.on_list:
            continue
        last = last_days.get(person.id)
        if last is None or last < since:
            result.append((person, last))
    return sorted(result, key=lambda item: (item[1] or date.min, item[0].name.casefold()))


@dataclass(frozen=True)
class MonthProgress:
    held: int
    target: int

    @property
    def ratio(self) -> float:
        return min(1.0, self.held / self.target) if self.target else 0.0


def month_progress(
    people: Iterable[Person], meetings: Iterable[Meeting], today: date
) -> MonthProgress:
    """Meetings held this calendar month against two per person on the list."""
    target = sum(1 for p in people if p.on_list) * MEETINGS_PER_PERSON_PER_MONTH
    held = sum(
        1
        for m in meetings
        if m.status is MeetingStatus.DONE
        and (m.day.year, m.day.month) == (today.year, today.month)
        and m.day <= today
    )
    return MonthProgress(held, target)


def week_start(day: date) -> date:
    """The Monday of ``day``'s week."""
    return day - timedelta(days=day.weekday())


def week_starts(today: date, weeks: int = WEEKS) -> list[date]:
    """The Mondays of the last ``weeks`` weeks, oldest first, this week last."""
    this_week = week_start(today)
    return [this_week - timedelta(weeks=n) for n in range(weeks - 1, -1, -1)]


def meetings_per_week(meetings: Iterable[Meeting], today: date, weeks: int = WEEKS) -> list[int]:
    """Held meetings in each of the last ``weeks`` weeks, oldest first."""
    first = week_starts(today, weeks)[0]  # a Monday: days since it, by 7, is the week
    counts = [0] * weeks
    for meeting in meetings:
        if meeting.status is MeetingStatus.DONE:
            day = meeting.day
            if first <= day <= today:
                counts[(day - first).days // 7] += 1
    return counts


def attention_grid(
    people: Iterable[Person], meetings: Sequence[Meeting], today: date, weeks: int = WEEKS
) -> list[tuple[Person, list[int]]]:
    """One row per person on the list: held meetings per week over the last ``weeks`` weeks.

    Rows run from the most neglected (fewest meetings) to the most attended.
    """
    on_list = [p for p in people if p.on_list]
    by_person: dict[str, list[Meeting]] = {p.id: [] for p in on_list}
    for meeting in meetings:
        if meeting.person_id in by_person:
            by_person[meeting.person_id].append(meeting)
    rows = [(p, meetings_per_week(by_person[p.id], today, weeks)) for p in on_list]
    return sorted(rows, key=lambda row: (sum(row[1]), row[0].name.casefold(), row[0].id))


@dataclass(frozen=True)
class JournalStatus:
    written_today: bool
    streak: int


def journal_status(entries: Iterable[JournalEntry], today: date) -> JournalStatus:
    days = {e.day for e in entries}
    return JournalStatus(today in days, journal_streak(days, today))
