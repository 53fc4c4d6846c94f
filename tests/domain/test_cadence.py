"""Who is due: the twice-a-month rhythm and the List's orders."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from brilliance.domain.cadence import (
    SortOrder,
    days_until_due,
    describe_due,
    describe_last_met,
    is_due,
    matches_filter,
    next_due,
    sort_people,
)
from brilliance.domain.models import Person

TODAY = date(2026, 11, 24)


def person(
    name: str = "Ana", last_met: date | None = None, cadence: int = 14, **kw: object
) -> Person:
    return Person(
        name=name,
        last_met=last_met,
        cadence_days=cadence,
        on_list=True,
        created_at=datetime(2026, 11, 1, 10),
        **kw,
    )


def test_never_met_is_due_from_the_day_they_were_added() -> None:
    ana = person()
    assert next_due(ana) == date(2026, 11, 1)
    assert days_until_due(ana, TODAY) == -23
    assert is_due(ana, TODAY)


@pytest.mark.parametrize(
    ("last_met", "cadence", "expected_due"),
    [
        (date(2026, 11, 10), 14, date(2026, 11, 24)),  # due today
        (date(2026, 12, 25), 14, date(2027, 1, 8)),  # across a year end
        (date(2026, 1, 31), 14, date(2026, 2, 14)),  # across a month end
        (date(2028, 2, 20), 14, date(2028, 3, 5)),  # across a leap day
        (date(2027, 2, 20), 14, date(2027, 3, 6)),  # no leap day
    ],
)
def test_next_due(last_met: date, cadence: int, expected_due: date) -> None:
    assert next_due(person(last_met=last_met, cadence=cadence)) == expected_due


def test_due_today_overdue_and_later() -> None:
    assert days_until_due(person(last_met=date(2026, 11, 10)), TODAY) == 0
    assert days_until_due(person(last_met=date(2026, 11, 1)), TODAY) == -9
    assert days_until_due(person(last_met=date(2026, 11, 20)), TODAY) == 10
    assert not is_due(person(last_met=date(2026, 11, 20)), TODAY)


@given(
    last_met=st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 1, 1)),
    cadence=st.integers(1, 365),
    offset=st.integers(-400, 400),
)
def test_each_day_brings_due_one_day_closer(last_met: date, cadence: int, offset: int) -> None:
    someone = person(last_met=last_met, cadence=cadence)
    today = last_met + timedelta(days=offset)
    assert days_until_due(someone, today + timedelta(days=1)) == days_until_due(someone, today) - 1


def test_descriptions() -> None:
    assert describe_due(0) == "due today"
    assert describe_due(-1) == "1 day overdue"
    assert describe_due(-5) == "5 days overdue"
    assert describe_due(1) == "in 1 day"
    assert describe_due(12) == "in 12 days"
    assert describe_last_met(None, TODAY) == "never"
    assert describe_last_met(TODAY, TODAY) == "today"
    assert describe_last_met(date(2026, 11, 23), TODAY) == "yesterday"
    assert describe_last_met(date(2026, 11, 1), TODAY) == "23 days ago"
    assert describe_last_met(date(2026, 12, 1), TODAY) == "2026-12-01"


def test_sort_orders() -> None:
    people = [
        person("Cleo", last_met=date(2026, 11, 20)),
        person("abel", last_met=date(2026, 10, 1)),
        person("Bea", last_met=None),
        person("Dan", last_met=date(2026, 10, 1), cadence=60),
    ]

    def names(order: SortOrder) -> list[str]:
        return [p.name for p in sort_people(people, order, TODAY)]

    assert names(SortOrder.DUE) == ["abel", "Bea", "Dan", "Cleo"]  # Dan: 6 days, Cleo: 10
    assert names(SortOrder.NAME) == ["abel", "Bea", "Cleo", "Dan"]
    assert names(SortOrder.LAST_MET) == ["Bea", "abel", "Dan", "Cleo"]


def test_sort_ties_are_broken_by_name() -> None:
    same = [person(n, last_met=date(2026, 11, 1)) for n in ("Zed", "amy", "Max")]
    assert [p.name for p in sort_people(same, SortOrder.DUE, TODAY)] == ["amy", "Max", "Zed"]


def test_sort_order_cycles() -> None:
    order = SortOrder.DUE
    seen = []
    for _ in range(3):
        seen.append(order)
        order = order.next()
    assert order is SortOrder.DUE
    assert set(seen) == set(SortOrder)


def test_filter() -> None:
    ana = person("Ana Lima", skills=["Design research"], goals=["raise a seed round"])
    assert matches_filter(ana, "")
    assert matches_filter(ana, "ana")
    assert matches_filter(ana, "DESIGN")
    assert matches_filter(ana, "seed lima")
    assert not matches_filter(ana, "seed bruno")
