"""Important dates: yearly and one-off, with and without a year, February 29."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from brilliance.domain.important_dates import (
    coming_up_dates,
    describe,
    describe_day,
    describe_when,
    near_meeting,
    next_occurrence,
    occurs_in,
    parse_day,
    parse_vcard_date,
    past_occurrences,
)
from brilliance.domain.models import DateKind, ImportantDate, Person

TODAY = date(2026, 11, 24)


def birthday(month: int, day: int, year: int | None = None) -> ImportantDate:
    return ImportantDate(kind=DateKind.BIRTHDAY, month=month, day=day, year=year)


def test_feb_29_falls_on_feb_28_in_other_years() -> None:
    leap = birthday(2, 29, 1996)
    assert occurs_in(leap, 2027) == date(2027, 2, 28)
    assert occurs_in(leap, 2028) == date(2028, 2, 29)
    assert next_occurrence(leap, TODAY) == date(2027, 2, 28)
    # On Feb 28 of a leap year the birthday is still to come (tomorrow).
    assert next_occurrence(leap, date(2028, 2, 28)) == date(2028, 2, 29)


def test_feb_29_without_a_year_is_allowed() -> None:
    assert next_occurrence(birthday(2, 29), date(2027, 3, 1)) == date(2028, 2, 29)


def test_an_impossible_day_is_refused() -> None:
    with pytest.raises(ValidationError, match="not a day of the year"):
        birthday(2, 30)
    with pytest.raises(ValidationError, match="not a day of the year"):
        birthday(2, 29, 2023)


def test_yearly_date_today_and_after_the_year_end() -> None:
    assert next_occurrence(birthday(11, 24), TODAY) == TODAY
    assert next_occurrence(birthday(1, 3), TODAY) == date(2027, 1, 3)
    assert next_occurrence(birthday(11, 23), TODAY) == date(2027, 11, 23)


def test_one_off_dates_in_the_past_and_future() -> None:
    launch = ImportantDate(label="launch", month=12, day=1, year=2026, yearly=False)
    assert next_occurrence(launch, TODAY) == date(2026, 12, 1)
    assert next_occurrence(launch, date(2026, 12, 2)) is None
    assert occurs_in(launch, 2027) is None
    with pytest.raises(ValidationError, match="needs its year"):
        ImportantDate(label="defence", month=5, day=1, yearly=False)


def test_a_yearly_date_does_not_happen_before_its_first_year() -> None:
    anniversary = ImportantDate(kind=DateKind.ANNIVERSARY, month=3, day=1, year=2030)
    assert occurs_in(anniversary, 2029) is None
    assert next_occurrence(anniversary, TODAY) is None


def test_describe_counts_the_years() -> None:
    assert describe(birthday(12, 1, 1986), date(2026, 12, 1)) == "40th birthday"
    work = ImportantDate(kind=DateKind.ANNIVERSARY, month=1, day=2, year=2015)
    assert describe(work, date(2027, 1, 2)) == "12th work anniversary"
    assert describe(birthday(12, 1), date(2026, 12, 1)) == "birthday"
    assert describe_day(birthday(3, 4)) == "--03-04"
    assert describe_when(birthday(3, 4)) == "04 Mar"
    assert describe_when(birthday(2, 29, 1996)) == "29 Feb 1996"
    assert describe_day(birthday(3, 4, 1990)) == "1990-03-04"


def test_coming_up_is_seven_days_ahead_and_sorted() -> None:
    people = [
        Person(id="a", name="Ana", important_dates=[birthday(12, 1)]),  # 7 days: in
        Person(id="b", name="Bo", important_dates=[birthday(11, 25)]),
        Person(id="c", name="Cy", important_dates=[birthday(12, 2)]),  # 8 days: out
    ]
    found = coming_up_dates(people, TODAY)
    assert [u.person.id for u in found] == ["b", "a"]
    assert found[0].describe(TODAY) == "Bo: birthday, tomorrow"


def test_coming_up_crosses_the_year_end() -> None:
    people = [Person(id="a", name="Ana", important_dates=[birthday(1, 2)])]
    assert [u.on for u in coming_up_dates(people, date(2026, 12, 30))] == [date(2027, 1, 2)]


def test_near_meeting_is_within_fourteen_days_of_the_meeting() -> None:
    person = Person(name="Ana", important_dates=[birthday(12, 20), birthday(12, 30)])
    found = near_meeting(person, date(2026, 12, 10), TODAY)
    assert [u.on for u in found] == [date(2026, 12, 20)]


def test_past_occurrences_for_the_timeline() -> None:
    assert past_occurrences(birthday(3, 1), TODAY) == [date(2025, 3, 1), date(2026, 3, 1)]


@pytest.mark.parametrize(
    ("text", "parsed"),
    [
        ("1990-03-14", (1990, 3, 14)),
        ("19900314", (1990, 3, 14)),
        ("--0314", (None, 3, 14)),
        ("--03-14", (None, 3, 14)),
        ("1604-03-14", (None, 3, 14)),
        ("1990-03-14T00:00:00Z", (1990, 3, 14)),
        ("2023-02-29", None),
        ("March 14", None),
    ],
)
def test_vcard_dates(text: str, parsed: tuple[int | None, int, int] | None) -> None:
    assert parse_vcard_date(text) == parsed


def test_form_dates() -> None:
    assert parse_day("03-14") == (None, 3, 14)
    assert parse_day("1990-03-14") == (1990, 3, 14)
    with pytest.raises(ValueError, match="not a date"):
        parse_day("14/03")


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2500, 12, 31)), st.dates())
def test_next_occurrence_is_never_before_today_nor_a_year_away(day: date, today: date) -> None:
    important = birthday(day.month, day.day)
    found = next_occurrence(important, today)
    if found is None:  # only at the very end of the calendar
        assert today.year >= 9999
        return
    assert today <= found
    assert (found - today).days <= 366
    assert (found.month, found.day) == (day.month, day.day) or (day.month, day.day) == (2, 29)


@pytest.mark.parametrize(
    "line",
    [
        "birthday 1990-03-14",
        "birthday 02-29",
        "work anniversary 2015-01-05",
        "thesis defence 2027-05-20 once",
        "studio launch 06-01",
    ],
)
def test_date_lines_round_trip(line: str) -> None:
    from brilliance.domain.important_dates import format_date_line, parse_date_line

    important = parse_date_line(line)
    assert format_date_line(important) == line
    assert parse_date_line(format_date_line(important)) == important


def test_date_lines_say_what_is_wrong() -> None:
    from brilliance.domain.important_dates import parse_date_line

    with pytest.raises(ValueError, match="write what the day is"):
        parse_date_line("1990-03-14")
    with pytest.raises(ValueError, match="not a date"):
        parse_date_line("birthday 14.03.1990")
    with pytest.raises(ValueError, match="needs its year"):
        parse_date_line("launch 06-01 once")
