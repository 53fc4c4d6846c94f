"""Who is due: the twice-a-month rhythm, the List's orders and its filter."""

from __future__ import annotations

import itertools
from datetime import date, datetime, timedelta

import pytest
from hypothesis import given, settings
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
ADDED = datetime(2026, 11, 1, 23, 45)


def person(
    name: str = "Ana",
    last_met: date | None = None,
    cadence: int = 14,
    created_at: datetime = ADDED,
    **kw: object,
) -> Person:
    return Person(
        name=name,
        last_met=last_met,
        cadence_days=cadence,
        on_list=True,
        created_at=created_at,
        **kw,
    )


# -- next_due, days_until_due, is_due -------------------------------------------------------


def test_never_met_is_due_from_the_day_they_were_added() -> None:
    ana = person()
    assert next_due(ana) == date(2026, 11, 1)  # the date, whatever the time of day
    assert days_until_due(ana, TODAY) == -23
    assert is_due(ana, TODAY)
    assert describe_due(days_until_due(ana, TODAY)) == "23 days overdue"


def test_never_met_and_added_today_is_due_today() -> None:
    new = person(created_at=datetime(2026, 11, 24, 8, 0))
    assert days_until_due(new, TODAY) == 0
    assert is_due(new, TODAY)
    # The cadence does not matter until the first meeting.
    assert next_due(person(cadence=365, created_at=datetime(2026, 11, 24))) == TODAY


@pytest.mark.parametrize(
    ("last_met", "cadence", "expected_due"),
    [
        (date(2026, 11, 10), 14, date(2026, 11, 24)),  # due today
        (date(2026, 1, 31), 14, date(2026, 2, 14)),  # across a month end
        (date(2026, 4, 30), 1, date(2026, 5, 1)),  # the last day of a 30-day month
        (date(2026, 12, 25), 14, date(2027, 1, 8)),  # across a year end
        (date(2026, 12, 31), 1, date(2027, 1, 1)),
        (date(2028, 2, 20), 14, date(2028, 3, 5)),  # across a leap day
        (date(2027, 2, 20), 14, date(2027, 3, 6)),  # the same, no leap day
        (date(2028, 2, 28), 1, date(2028, 2, 29)),  # onto a leap day
        (date(2028, 2, 29), 365, date(2029, 2, 28)),  # from a leap day, a year on
        (date(2100, 2, 28), 1, date(2100, 3, 1)),  # 2100 is not a leap year
        (date(2026, 11, 24), 30, date(2026, 12, 24)),
    ],
)
def test_next_due(last_met: date, cadence: int, expected_due: date) -> None:
    someone = person(last_met=last_met, cadence=cadence)
    assert next_due(someone) == expected_due
    assert days_until_due(someone, expected_due) == 0
    assert is_due(someone, expected_due)
    assert not is_due(someone, expected_due - timedelta(days=1))


@pytest.mark.parametrize(
    ("last_met", "today", "days", "due"),
    [
        (date(2026, 11, 10), TODAY, 0, True),  # due today
        (date(2026, 11, 9), TODAY, -1, True),  # one day overdue
        (date(2026, 11, 1), TODAY, -9, True),
        (date(2026, 11, 11), TODAY, 1, False),  # due tomorrow
        (date(2026, 11, 20), TODAY, 10, False),
        (date(2026, 12, 20), date(2026, 12, 31), 3, False),  # due 2027-01-03
        (date(2026, 12, 1), date(2027, 1, 2), -18, True),  # overdue across the year end
        (date(2028, 2, 15), date(2028, 3, 1), -1, True),  # Feb 2028 has 29 days
        (date(2027, 2, 15), date(2027, 3, 1), 0, True),  # Feb 2027 has 28
    ],
)
def test_days_until_due_and_is_due(last_met: date, today: date, days: int, due: bool) -> None:
    someone = person(last_met=last_met)
    assert days_until_due(someone, today) == days
    assert is_due(someone, today) is due


def test_a_longer_cadence_is_due_later() -> None:
    met = date(2026, 11, 1)
    assert days_until_due(person(last_met=met, cadence=7), TODAY) == -16
    assert days_until_due(person(last_met=met, cadence=30), TODAY) == 7


def test_a_last_met_typed_far_in_the_future_does_not_crash() -> None:
    someone = person(last_met=date(9999, 12, 25), cadence=14)
    assert days_until_due(someone, TODAY) > 0
    assert not is_due(someone, TODAY)


all_days = st.dates(min_value=date(1900, 1, 1), max_value=date(9000, 12, 31))


@st.composite
def anyone(draw: st.DrawFn) -> Person:
    return person(
        last_met=draw(st.none() | all_days),
        cadence=draw(st.integers(1, 365)),
        created_at=draw(
            st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(9000, 1, 1))
        ),
    )


@settings(deadline=None, max_examples=200)
@given(someone=anyone(), today=all_days)
def test_each_day_brings_due_one_day_closer(someone: Person, today: date) -> None:
    tomorrow = today + timedelta(days=1)
    assert days_until_due(someone, tomorrow) == days_until_due(someone, today) - 1
    if is_due(someone, today):
        assert is_due(someone, tomorrow)  # once due, due until met again
    assert days_until_due(someone, next_due(someone)) == 0


# -- descriptions ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("days", "text"),
    [
        (0, "due today"),
        (-1, "1 day overdue"),
        (-2, "2 days overdue"),
        (-23, "23 days overdue"),
        (1, "in 1 day"),
        (2, "in 2 days"),
        (12, "in 12 days"),
    ],
)
def test_describe_due(days: int, text: str) -> None:
    assert describe_due(days) == text


@pytest.mark.parametrize(
    ("last_met", "today", "text"),
    [
        (None, TODAY, "never"),
        (TODAY, TODAY, "today"),
        (date(2026, 11, 23), TODAY, "yesterday"),
        (date(2026, 11, 22), TODAY, "2 days ago"),
        (date(2026, 11, 1), TODAY, "23 days ago"),
        (date(2026, 10, 31), date(2026, 11, 1), "yesterday"),  # across a month end
        (date(2025, 12, 31), date(2026, 1, 1), "yesterday"),  # across a year end
        (date(2028, 2, 28), date(2028, 3, 1), "2 days ago"),  # over a leap day
        (date(2027, 2, 28), date(2027, 3, 1), "yesterday"),
        (date(2025, 11, 24), TODAY, "365 days ago"),
        (date(2026, 12, 1), TODAY, "2026-12-01"),  # in the future: show the date
    ],
)
def test_describe_last_met(last_met: date | None, today: date, text: str) -> None:
    assert describe_last_met(last_met, today) == text


# -- sorting --------------------------------------------------------------------------------


def names(people: list[Person]) -> list[str]:
    return [p.name for p in people]


PEOPLE = [
    person("Cleo", last_met=date(2026, 11, 20)),  # in 10 days
    person("abel", last_met=date(2026, 10, 1)),  # 40 days overdue
    person("Bea", last_met=None),  # never met: 23 days overdue (added Nov 1)
    person("Dan", last_met=date(2026, 10, 1), cadence=60),  # in 6 days
]


@pytest.mark.parametrize(
    ("order", "expected"),
    [
        (SortOrder.DUE, ["abel", "Bea", "Dan", "Cleo"]),
        (SortOrder.NAME, ["abel", "Bea", "Cleo", "Dan"]),  # case does not matter
        (SortOrder.LAST_MET, ["Bea", "abel", "Dan", "Cleo"]),  # never met first
    ],
)
def test_sort_orders(order: SortOrder, expected: list[str]) -> None:
    before = list(PEOPLE)
    assert names(sort_people(PEOPLE, order, TODAY)) == expected
    assert names(sort_people(iter(PEOPLE), order, TODAY)) == expected  # any iterable
    assert before == PEOPLE  # the input is not reordered


@pytest.mark.parametrize("order", list(SortOrder))
def test_sort_ties_are_broken_by_name(order: SortOrder) -> None:
    same = [person(n, last_met=date(2026, 11, 1)) for n in ("Zed", "amy", "Max", "bo")]
    assert names(sort_people(same, order, TODAY)) == ["amy", "bo", "Max", "Zed"]
    never = [person(n) for n in ("Zed", "amy", "Max")]
    assert names(sort_people(never, order, TODAY)) == ["amy", "Max", "Zed"]


@pytest.mark.parametrize("order", list(SortOrder))
def test_same_name_ties_are_broken_by_id_whatever_the_input_order(order: SortOrder) -> None:
    twins = [person("Ana", id="b2"), person("ana", id="a1"), person("ANA", id="c3")]
    expected = ["a1", "b2", "c3"]
    assert [p.id for p in sort_people(twins, order, TODAY)] == expected
    assert [p.id for p in sort_people(reversed(twins), order, TODAY)] == expected


@settings(deadline=None, max_examples=100)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["Ana", "ana", "Bo", "Cleo", "Zoë", "zed"]),
            st.none() | st.dates(min_value=date(2026, 1, 1), max_value=date(2026, 12, 31)),
            st.integers(1, 60),
        ),
        max_size=8,
    ),
    st.sampled_from(list(SortOrder)),
)
def test_sorting_is_a_stable_total_order(
    rows: list[tuple[str, date | None, int]], order: SortOrder
) -> None:
    people = [person(n, last_met=m, cadence=c) for n, m, c in rows]
    sorted_once = sort_people(people, order, TODAY)
    assert sorted(p.id for p in sorted_once) == sorted(p.id for p in people)
    assert sort_people(list(reversed(people)), order, TODAY) == sorted_once
    for first, second in itertools.pairwise(sorted_once):
        if order is SortOrder.DUE:
            assert days_until_due(first, TODAY) <= days_until_due(second, TODAY)
        elif order is SortOrder.LAST_MET:
            assert (first.last_met or date.min) <= (second.last_met or date.min)
        else:
            assert first.name.casefold() <= second.name.casefold()


def test_sort_order_cycles_through_all_three() -> None:
    assert len(SortOrder) == 3
    for start in SortOrder:
        seen = [start]
        order = start.next()
        while order is not start:
            seen.append(order)
            order = order.next()
            assert len(seen) <= 3
        assert sorted(seen) == sorted(SortOrder)
    assert SortOrder.DUE.next() is SortOrder.NAME
    assert SortOrder.NAME.next() is SortOrder.LAST_MET
    assert SortOrder.LAST_MET.next() is SortOrder.DUE


# -- the List filter ------------------------------------------------------------------------

ANA = person(
    "Ana Lima",
    skills=["Design research", "Python"],
    goals=["raise a seed round"],
    headline="Founder",
)


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "ana",  # name
        "LIMA",  # case-insensitive
        "  lima  ",
        "python",  # skill
        "DESIGN",
        "desi",  # part of a word
        "seed",  # goal
        "seed lima",  # several words, any order, across fields
        "ana python round",
    ],
)
def test_filter_matches(query: str) -> None:
    assert matches_filter(ANA, query)


@pytest.mark.parametrize(
    "query",
    [
        "bruno",
        "seed bruno",  # every word must match
        "ana-lima",
        "rust",
    ],
)
def test_filter_does_not_match(query: str) -> None:
    assert not matches_filter(ANA, query)


def test_filter_folds_case_beyond_ascii() -> None:
    someone = person("Jürgen Straße", skills=["ÉTUDES"])
    assert matches_filter(someone, "STRASSE")
    assert matches_filter(someone, "jÜrgen")
    assert matches_filter(someone, "études")
    assert matches_filter(someone, "jurgen")  # accents are ignored, as in every name search


def test_filter_does_not_match_across_field_boundaries() -> None:
    someone = person("Ana", skills=["Bo"])
    assert not matches_filter(someone, "anabo")
