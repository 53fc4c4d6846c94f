"""The date words parser: what a person types into a date field, read against an injected today."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from brilliance.domain.dates import (
    DateWordsError,
    When,
    add_months,
    describe_day,
    describe_when,
    parse_day,
    parse_time,
    parse_when,
)

TUESDAY = date(2026, 11, 24)
FRIDAY = date(2026, 11, 27)
WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
FULL_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
days = st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("today", TUESDAY),
        ("Today ", TUESDAY),
        ("tomorrow", date(2026, 11, 25)),
        ("yesterday", date(2026, 11, 23)),
        ("day after tomorrow", date(2026, 11, 26)),
        ("2026-12-01", date(2026, 12, 1)),
        ("2026-2-3", date(2026, 2, 3)),
        ("fri", FRIDAY),
        ("Friday", FRIDAY),
        ("on friday", FRIDAY),
        ("this friday", FRIDAY),
        ("next friday", FRIDAY),
        ("next tuesday", date(2026, 12, 1)),
        ("last friday", date(2026, 11, 20)),
        ("last tue", date(2026, 11, 17)),
        ("tue", TUESDAY),
        ("thurs", date(2026, 11, 26)),
        ("in 2 weeks", date(2026, 12, 8)),
        ("in 3 days", date(2026, 11, 27)),
        ("in a week", date(2026, 12, 1)),
        ("in one month", date(2026, 12, 24)),
        ("in 2 months", date(2027, 1, 24)),
        ("in a fortnight", date(2026, 12, 8)),
        ("2 days ago", date(2026, 11, 22)),
        ("a week ago", date(2026, 11, 17)),
        ("next week", date(2026, 12, 1)),
        ("last month", date(2026, 10, 24)),
        ("27 nov", FRIDAY),
        ("27th November", FRIDAY),
        ("nov 27", FRIDAY),
        ("Nov. 27, 2027", date(2027, 11, 27)),
        ("3 jan", date(2027, 1, 3)),
        ("1 sept 2025", date(2025, 9, 1)),
        ("24 nov", TUESDAY),
    ],
)
def test_words_read_forward(text: str, expected: date) -> None:
    assert parse_day(text, TUESDAY) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("fri", date(2026, 11, 20)),
        ("tue", TUESDAY),
        ("27 nov", date(2025, 11, 27)),
        ("3 jan", date(2026, 1, 3)),
        ("next friday", FRIDAY),
        ("yesterday", date(2026, 11, 23)),
    ],
)
def test_ambiguous_words_read_backward_when_asked(text: str, expected: date) -> None:
    assert parse_day(text, TUESDAY, direction="past") == expected


def test_29_february_without_a_year_finds_the_next_leap_year() -> None:
    assert parse_day("29 feb", TUESDAY) == date(2028, 2, 29)
    assert parse_day("29 feb", TUESDAY, direction="past") == date(2024, 2, 29)


@pytest.mark.parametrize(
    "text",
    ["", "   ", "someday", "32 nov", "2026-02-30", "in x days", "in 2 parsecs", "next", "fri fri"],
)
def test_unreadable_dates_are_refused_with_a_sentence(text: str) -> None:
    with pytest.raises(DateWordsError) as error:
        parse_day(text, TUESDAY)
    assert str(error.value)
    assert "Traceback" not in str(error.value)


def test_the_error_names_what_is_accepted() -> None:
    with pytest.raises(DateWordsError, match="next friday"):
        parse_day("someday", TUESDAY)
    with pytest.raises(DateWordsError, match="no day 30 in February"):
        parse_day("2026-02-30", TUESDAY)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12:30", time(12, 30)),
        ("9:05", time(9, 5)),
        ("12.30pm", time(12, 30)),
        ("12.30 pm", time(12, 30)),
        ("12am", time(0, 0)),
        ("12pm", time(12, 0)),
        ("9am", time(9, 0)),
        ("9 PM", time(21, 0)),
        ("7.15 p.m.", time(19, 15)),
        ("23:59", time(23, 59)),
        ("noon", time(12, 0)),
        ("midnight", time(0, 0)),
    ],
)
def test_times(text: str, expected: time) -> None:
    assert parse_time(text) == expected


@pytest.mark.parametrize("text", ["", "9", "24:00", "12:60", "13pm", "0am", "half past", "12:3"])
def test_unreadable_times_are_refused(text: str) -> None:
    with pytest.raises(DateWordsError):
        parse_time(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("fri", When(FRIDAY)),
        ("fri 12:30", When(FRIDAY, time(12, 30))),
        ("friday at 12.30pm", When(FRIDAY, time(12, 30))),
        ("tomorrow 9 am", When(date(2026, 11, 25), time(9, 0))),
        ("2026-11-27T14:00", When(FRIDAY, time(14, 0))),
        ("2026-11-27 14:00", When(FRIDAY, time(14, 0))),
        ("27 nov at noon", When(FRIDAY, time(12, 0))),
        ("in 2 weeks 8am", When(date(2026, 12, 8), time(8, 0))),
        ("12:30", When(TUESDAY, time(12, 30))),
    ],
)
def test_a_day_with_a_time(text: str, expected: When) -> None:
    assert parse_when(text, TUESDAY) == expected


@pytest.mark.parametrize("text", ["", "fri 25:00", "someday 12:30", "at 12:30 fri"])
def test_unreadable_moments_are_refused(text: str) -> None:
    with pytest.raises(DateWordsError):
        parse_when(text, TUESDAY)


def test_as_datetime_uses_the_default_time_only_when_none_was_given() -> None:
    assert When(FRIDAY).as_datetime(time(12, 0)).hour == 12
    assert When(FRIDAY, time(9, 15)).as_datetime(time(12, 0)).minute == 15


def test_descriptions_say_the_day_and_how_far_it_is() -> None:
    assert describe_day(FRIDAY, TUESDAY) == "Fri 27 Nov 2026 · in 3 days"
    assert describe_day(TUESDAY, TUESDAY) == "Tue 24 Nov 2026 · today"
    assert describe_day(date(2026, 11, 25), TUESDAY).endswith("tomorrow")
    assert describe_day(date(2026, 11, 23), TUESDAY).endswith("yesterday")
    assert describe_day(date(2026, 11, 20), TUESDAY).endswith("4 days ago")
    assert describe_when(When(FRIDAY, time(12, 30)), TUESDAY) == "Fri 27 Nov 2026 12:30 · in 3 days"
    assert describe_when(When(FRIDAY), TUESDAY) == "Fri 27 Nov 2026 · in 3 days"


def test_month_arithmetic_stays_inside_the_month() -> None:
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert add_months(date(2026, 3, 31), -1) == date(2026, 2, 28)
    assert add_months(date(2026, 12, 15), 1) == date(2027, 1, 15)


@given(days)
def test_iso_dates_round_trip(day: date) -> None:
    assert parse_day(day.isoformat(), TUESDAY) == day


@given(days, days)
def test_day_month_year_round_trips(day: date, today: date) -> None:
    assert parse_day(f"{day.day} {day:%b %Y}", today) == day
    assert parse_day(f"{day:%B} {day.day}, {day.year}", today, direction="past") == day


@given(days, st.sampled_from(range(7)), st.booleans())
def test_a_bare_weekday_is_within_the_coming_or_past_week(
    today: date, weekday: int, full: bool
) -> None:
    word = (FULL_WEEKDAYS if full else WEEKDAYS)[weekday]
    ahead = parse_day(word, today)
    behind = parse_day(word, today, direction="past")
    assert ahead.weekday() == behind.weekday() == weekday
    assert 0 <= (ahead - today).days <= 6
    assert 0 <= (today - behind).days <= 6
    nxt = parse_day(f"next {word}", today)
    assert nxt.weekday() == weekday and 1 <= (nxt - today).days <= 7


@given(days, st.integers(min_value=0, max_value=400))
def test_relative_days_and_weeks(today: date, count: int) -> None:
    assert parse_day(f"in {count} days", today) == today + timedelta(days=count)
    assert parse_day(f"in {count} weeks", today) == today + timedelta(weeks=count)
    assert parse_day(f"{count} days ago", today) == today - timedelta(days=count)


@given(days, days)
def test_a_day_without_a_year_is_the_nearest_one_in_the_direction(day: date, today: date) -> None:
    if (day.month, day.day) == (2, 29):
        return
    ahead = parse_day(f"{day.day} {day:%b}", today)
    behind = parse_day(f"{day.day} {day:%b}", today, direction="past")
    assert (ahead.month, ahead.day) == (behind.month, behind.day) == (day.month, day.day)
    assert 0 <= (ahead - today).days < 366
    assert 0 <= (today - behind).days < 366


@given(st.times())
def test_times_round_trip_in_24_and_12_hour_forms(moment: time) -> None:
    whole = moment.replace(second=0, microsecond=0)
    assert parse_time(f"{whole:%H:%M}") == whole
    assert parse_time(f"{whole:%I.%M%p}".lower()) == whole


@given(days, days)
def test_a_described_day_reads_back(day: date, today: date) -> None:
    label = describe_day(day, today).partition(" · ")[0]
    assert parse_day(label.split(" ", 1)[1], today) == day


def test_short_descriptions_leave_out_this_year() -> None:
    assert describe_day(FRIDAY, TUESDAY, short=True) == "Fri 27 Nov · in 3 days"
    assert describe_day(date(2027, 1, 3), TUESDAY, short=True) == "Sun 3 Jan 2027 · in 40 days"
    assert describe_when(When(FRIDAY, time(9, 0)), TUESDAY, short=True) == (
        "Fri 27 Nov 09:00 · in 3 days"
    )
