"""Today's arithmetic: due, promises, value balance, the month target, the weekly grid."""

from __future__ import annotations

import itertools
from datetime import date, datetime, timedelta

import pytest

from brilliance import assets
from brilliance.domain.models import (
    FollowUp,
    JournalEntry,
    Meeting,
    MeetingStatus,
    Person,
    ValueItem,
    ValueKind,
)
from brilliance.domain.today import (
    attention_grid,
    coming_up,
    due_people,
    idea_of_the_day,
    journal_status,
    meetings_per_week,
    month_progress,
    promises_due,
    sparkline,
    week_start,
    week_starts,
    without_value,
)

TODAY = date(2026, 11, 24)  # a Tuesday


def person(pid: str, last_met: date | None = None, on_list: bool = True) -> Person:
    return Person(
        id=pid,
        name=pid.title(),
        last_met=last_met,
        on_list=on_list,
        created_at=datetime(2026, 11, 20),
    )


def held(pid: str, day: date, value: bool = False) -> Meeting:
    return Meeting(
        person_id=pid,
        when=datetime.combine(day, datetime.min.time()),
        status=MeetingStatus.DONE,
        value_given=[ValueItem(kind=ValueKind.INFORMATION)] if value else [],
    )


def test_due_people_most_overdue_first_list_only() -> None:
    people = [
        person("fresh", TODAY - timedelta(days=2)),
        person("today", TODAY - timedelta(days=14)),
        person("late", TODAY - timedelta(days=30)),
        person("never"),  # added 4 days ago, never met
        person("wider", TODAY - timedelta(days=90), on_list=False),
    ]
    assert [p.id for p in due_people(people, TODAY)] == ["late", "never", "today"]
    assert due_people([], TODAY) == []


def test_coming_up_next_seven_days_planned_only() -> None:
    def at(days: int, status: MeetingStatus = MeetingStatus.PLANNED) -> Meeting:
        return Meeting(
            id=f"m{days}{status.value}",
            person_id="a",
            when=datetime.combine(TODAY + timedelta(days=days), datetime.min.time()),
            status=status,
        )

    meetings = [at(8), at(3), at(0), at(-1), at(7), at(2, MeetingStatus.CANCELLED)]
    assert [m.id for m in coming_up(meetings, TODAY)] == ["m0planned", "m3planned", "m7planned"]


def test_promises_due_or_overdue_oldest_first() -> None:
    followups = [
        FollowUp(id="later", person_id="a", text="x", due=TODAY + timedelta(days=1)),
        FollowUp(id="today", person_id="a", text="x", due=TODAY),
        FollowUp(id="old", person_id="a", text="x", due=TODAY - timedelta(days=5)),
        FollowUp(id="kept", person_id="a", text="x", due=TODAY - timedelta(days=9), done=True),
    ]
    assert [f.id for f in promises_due(followups, TODAY)] == ["old", "today"]


def test_value_balance_over_thirty_days() -> None:
    people = [person("recent"), person("stale"), person("none"), person("off", on_list=False)]
    meetings = [
        held("recent", TODAY - timedelta(days=30), value=True),  # exactly 30 days: counts
        held("stale", TODAY - timedelta(days=31), value=True),
        held("none", TODAY - timedelta(days=1), value=False),
    ]
    result = without_value(people, meetings, TODAY)
    assert [(p.id, last) for p, last in result] == [
        ("none", None),
        ("stale", TODAY - timedelta(days=31)),
    ]


def test_month_target_counts_this_calendar_month_only() -> None:
    people = [person("a"), person("b"), person("c", on_list=False)]
    meetings = [
        held("a", date(2026, 11, 1)),
        held("b", date(2026, 11, 24)),
        held("a", date(2026, 10, 31)),  # last month
        held("c", date(2025, 11, 10)),  # same month, another year
        Meeting(person_id="a", when=datetime(2026, 11, 20), status=MeetingStatus.CANCELLED),
    ]
    progress = month_progress(people, meetings, TODAY)
    assert (progress.held, progress.target) == (2, 4)
    assert progress.ratio == 0.5
    assert month_progress([], [], TODAY).ratio == 0.0


@pytest.mark.parametrize(
    ("day", "monday"),
    [
        (date(2026, 11, 24), date(2026, 11, 23)),
        (date(2026, 11, 1), date(2026, 10, 26)),  # a Sunday: the week began last month
        (date(2027, 1, 2), date(2026, 12, 28)),  # across a year end
        (date(2028, 3, 1), date(2028, 2, 28)),  # a leap year's week
    ],
)
def test_week_start(day: date, monday: date) -> None:
    assert week_start(day) == monday


def test_weekly_counts_across_month_ends_and_leap_day() -> None:
    today = date(2028, 3, 2)
    starts = week_starts(today)
    assert len(starts) == 12 and starts[-1] == date(2028, 2, 28)
    assert all((b - a).days == 7 for a, b in itertools.pairwise(starts))
    meetings = [
        held("a", date(2028, 2, 29)),  # leap day, this week
        held("a", date(2028, 3, 1)),  # this week, next month
        held("a", date(2028, 2, 27)),  # Sunday: last week
        held("a", date(2027, 12, 13)),  # the oldest week shown (a Monday)
        held("a", date(2027, 12, 12)),  # the Sunday just before the window
        held("a", date(2028, 3, 3)),  # tomorrow: not yet
    ]
    counts = meetings_per_week(meetings, today)
    assert counts[-1] == 2 and counts[-2] == 1 and counts[0] == 1
    assert sum(counts) == 4


def test_attention_grid_most_neglected_first() -> None:
    people = [person("busy"), person("quiet"), person("off", on_list=False)]
    meetings = [held("busy", TODAY), held("busy", TODAY - timedelta(days=7)), held("off", TODAY)]
    grid = attention_grid(people, meetings, TODAY)
    assert [(p.id, sum(row)) for p, row in grid] == [("quiet", 0), ("busy", 2)]
    assert attention_grid([], [], TODAY) == []


def test_journal_status() -> None:
    entries = [
        JournalEntry(written_at=datetime.combine(TODAY - timedelta(days=n), datetime.min.time()))
        for n in (1, 2, 3)
    ]
    status = journal_status(entries, TODAY)
    assert (status.written_today, status.streak) == (False, 3)


def test_idea_of_the_day_is_the_same_all_day() -> None:
    ideas = assets.ideas()
    assert idea_of_the_day(ideas, TODAY) == idea_of_the_day(list(reversed(ideas)), TODAY)
    month = {idea_of_the_day(ideas, TODAY + timedelta(days=n)).id for n in range(len(ideas))}
    assert len(month) == len(ideas)


def test_sparkline() -> None:
    assert sparkline([0, 0]) == "▁▁"
    line = sparkline([0, 1, 4])
    assert line[0] == "▁" and line[1] > "▁" and line[2] == "█"
