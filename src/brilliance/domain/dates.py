"""Dates and times as people say them: ``today``, ``fri``, ``next friday``, ``in 2 weeks``,
``27 nov``, ``2026-11-27``, ``12:30``, ``12.30pm``.

Our own small parser, standard library only: dateparser and parsedatetime each cost 70-220 ms
to import (and dateparser ~400 ms for its first parse), far over the cold-start budget; the
words a person types into a date field are few enough to read exactly, and a parser of our own
can say precisely why it refused something.

Everything takes the day it is ("today") as an argument, so it is pure and testable. Words that
could mean either way (a bare weekday, ``27 nov``) are read towards ``direction``: forward when
planning a meeting or a due date, backward when dating a note or the last time two people met.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Literal

Direction = Literal["future", "past"]

EXAMPLES = "2026-11-27, today, tomorrow, fri, next friday, in 2 weeks, 27 nov"
TIME_EXAMPLES = "12:30, 9am, 12.30pm"


class DateWordsError(ValueError):
    """Text that could not be read as a date or time; the message says what is accepted."""


_WEEKDAYS: dict[str, int] = {}
for _index, _names in enumerate(
    (
        ("monday", "mon"),
        ("tuesday", "tue", "tues"),
        ("wednesday", "wed", "weds"),
        ("thursday", "thu", "thur", "thurs"),
        ("friday", "fri"),
        ("saturday", "sat"),
        ("sunday", "sun"),
    )
):
    for _name in _names:
        _WEEKDAYS[_name] = _index

_MONTHS: dict[str, int] = {}
_MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
for _index, _name in enumerate(_MONTH_NAMES, start=1):
    _MONTHS[_name.lower()] = _index
    _MONTHS[_name[:3].lower()] = _index
_MONTHS["sept"] = 9

_UNITS = {"day": 1, "days": 1, "week": 7, "weeks": 7, "fortnight": 14, "fortnights": 14}
_MONTH_UNITS = {"month": 1, "months": 1, "year": 12, "years": 12}
_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}

_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DAY_MONTH = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?(?:,?\s+(\d{4}))?")
_MONTH_DAY = re.compile(r"([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?")
_RELATIVE_IN = re.compile(r"in\s+(\d+|[a-z]+)\s+([a-z]+)")
_RELATIVE_AGO = re.compile(r"(\d+|[a-z]+)\s+([a-z]+)\s+ago")
_TIME = re.compile(r"(\d{1,2})(?:[:.h](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?")
_ISO_T = re.compile(r"(\d{4}-\d{1,2}-\d{1,2})t(\d)")


@dataclass(frozen=True)
class When:
    """A day, and the time of day when one was given."""

    day: date
    at: time | None = None

    def as_datetime(self, default: time) -> datetime:
        """The moment, using ``default`` when no time was given."""
        return datetime.combine(self.day, self.at if self.at is not None else default)


def _normal(text: str) -> str:
    return " ".join(text.strip().lower().replace(",", " ").split())


def _count(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return _NUMBER_WORDS.get(word)


def add_months(day: date, months: int) -> date:
    """``day`` moved by whole months, kept inside the target month (31 Jan + 1 month = 28 Feb)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    if not 1 <= year <= 9999:
        raise DateWordsError("that date is out of range")
    following = date(year + 1, 1, 1) if month == 11 else date(year, month + 2, 1)
    last = (following - timedelta(days=1)).day if year < 9999 or month < 11 else 31
    return date(year, month + 1, min(day.day, last))


def _shift(today: date, count: int, unit: str) -> date | None:
    if unit in _UNITS:
        try:
            return today + timedelta(days=count * _UNITS[unit])
        except OverflowError:
            raise DateWordsError("that date is out of range") from None
    if unit in _MONTH_UNITS:
        return add_months(today, count * _MONTH_UNITS[unit])
    return None


def _weekday(words: list[str], today: date, direction: Direction) -> date | None:
    """``fri``, ``this fri``, ``next friday``, ``last fri``, ``on friday``."""
    if words and words[0] == "on":
        words = words[1:]
    if not words or words[-1] not in _WEEKDAYS:
        return None
    target = _WEEKDAYS[words[-1]]
    qualifier = words[:-1]
    ahead = (target - today.weekday()) % 7
    behind = (today.weekday() - target) % 7
    if qualifier == ["next"]:
        return today + timedelta(days=ahead or 7)
    if qualifier == ["last"]:
        return today - timedelta(days=behind or 7)
    if qualifier == ["this"] or (not qualifier and direction == "future"):
        return today + timedelta(days=ahead)
    if not qualifier:
        return today - timedelta(days=behind)
    return None


def _calendar_day(
    day: int, month: int, year: int | None, today: date, direction: Direction
) -> date:
    """A day of a month; without a year, the nearest such day in ``direction`` from today."""
    if year is not None:
        return _checked(year, month, day)
    candidate_year = today.year
    # 29 Feb without a year: look up to eight years ahead/behind for a leap year.
    for _ in range(9):
        try:
            candidate = date(candidate_year, month, day)
        except ValueError:
            candidate = None
        if candidate is not None:
            if direction == "future" and candidate >= today:
                return candidate
            if direction == "past" and candidate <= today:
                return candidate
        candidate_year += 1 if direction == "future" else -1
    return _checked(today.year, month, day)


def _checked(year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        # issue-16: "2026-13-40" reaches here with month 13; name no month rather than IndexError.
        if not 1 <= month <= 12:
            raise DateWordsError(f"there is no month {month}: months are 1 to 12") from None
        raise DateWordsError(f"there is no day {day} in {_MONTH_NAMES[month - 1]} {year}") from None


def _month_number(word: str) -> int | None:
    return _MONTHS.get(word.rstrip("."))


def parse_day(text: str, today: date, direction: Direction = "future") -> date:
    """The day that ``text`` names, counted from ``today``.

    Raises ``DateWordsError`` with a sentence saying what is accepted when it cannot be read.
    """
    words = _normal(text)
    if not words:
        raise DateWordsError(f"a date is needed: for example {EXAMPLES}")
    found = _parse_day_words(words, today, direction)
    if found is None:
        raise DateWordsError(f"'{text.strip()}' is not a date we can read: try {EXAMPLES}")
    return found


def _parse_day_words(words: str, today: date, direction: Direction) -> date | None:
    simple = {
        "today": 0,
        "now": 0,
        "tonight": 0,
        "tomorrow": 1,
        "tmrw": 1,
        "tmr": 1,
        "yesterday": -1,
        "day after tomorrow": 2,
        "the day after tomorrow": 2,
        "day before yesterday": -2,
        "the day before yesterday": -2,
    }
    if words in simple:
        return today + timedelta(days=simple[words])
    if match := _ISO.fullmatch(words):
        return _checked(int(match[1]), int(match[2]), int(match[3]))
    if words in ("next week", "last week", "next month", "last month"):
        sign = 1 if words.startswith("next") else -1
        unit = words.split()[1]
        return _shift(today, sign, unit)
    if match := _RELATIVE_IN.fullmatch(words):
        count = _count(match[1])
        return None if count is None else _shift(today, count, match[2])
    if match := _RELATIVE_AGO.fullmatch(words):
        count = _count(match[1])
        return None if count is None else _shift(today, -count, match[2])
    if (found := _weekday(words.split(), today, direction)) is not None:
        return found
    if (match := _DAY_MONTH.fullmatch(words)) and (month := _month_number(match[2])):
        year = int(match[3]) if match[3] else None
        return _calendar_day(int(match[1]), month, year, today, direction)
    if (match := _MONTH_DAY.fullmatch(words)) and (month := _month_number(match[1])):
        year = int(match[3]) if match[3] else None
        return _calendar_day(int(match[2]), month, year, today, direction)
    return None


def parse_time(text: str) -> time:
    """A time of day: ``14:30``, ``12.30pm``, ``9am``, ``9 pm``, ``noon``, ``midnight``."""
    words = _normal(text)
    named = {"noon": time(12, 0), "midday": time(12, 0), "midnight": time(0, 0)}
    if words in named:
        return named[words]
    match = _TIME.fullmatch(words)
    if match is None or (match[2] is None and match[3] is None):
        raise DateWordsError(f"'{text.strip()}' is not a time we can read: try {TIME_EXAMPLES}")
    hour, minute = int(match[1]), int(match[2] or 0)
    meridiem = (match[3] or "").replace(".", "")
    if meridiem:
        if not 1 <= hour <= 12:
            raise DateWordsError(f"'{text.strip()}': with am/pm the hour is 1 to 12")
        hour = hour % 12 + (12 if meridiem == "pm" else 0)
    if hour > 23 or minute > 59:
        raise DateWordsError(f"'{text.strip()}' is not a time of day: hours 0-23, minutes 0-59")
    return time(hour, minute)


def parse_when(text: str, today: date, direction: Direction = "future") -> When:
    """A day with an optional time: ``fri 12:30``, ``tomorrow at 9am``, ``2026-11-27T14:00``.

    A time alone (``12:30``) means that time today.
    """
    words = _normal(text)
    if not words:
        raise DateWordsError(f"a date is needed: for example {EXAMPLES}")
    try:
        return When(today, parse_time(words))
    except DateWordsError:
        pass
    found = _parse_day_words(words, today, direction)
    if found is not None:
        return When(found)
    tokens = _ISO_T.sub(r"\1 \2", words).split()
    # The time is the last word or two ("12:30", "9 pm"), optionally after "at".
    for size in (1, 2):
        if len(tokens) <= size:
            break
        head, tail = tokens[:-size], " ".join(tokens[-size:])
        if head[-1] == "at":
            head = head[:-1]
        try:
            at = parse_time(tail)
        except DateWordsError:
            continue
        day = _parse_day_words(" ".join(head), today, direction) if head else None
        if day is not None:
            return When(day, at)
    raise DateWordsError(
        f"'{text.strip()}' is not a date we can read: try {EXAMPLES}, with a time if you like "
        f"({TIME_EXAMPLES})"
    )


def describe_day(day: date, today: date, *, short: bool = False) -> str:
    """The day as a person checks it: ``Fri 27 Nov 2026 · in 3 days`` (``short``: without the
    year when it is this year's, for narrow fields)."""
    label = (
        f"{day:%a} {day.day} {day:%b}"
        if short and day.year == today.year
        else (f"{day:%a} {day.day} {day:%b %Y}")
    )
    delta = (day - today).days
    if delta == 0:
        relative = "today"
    elif delta == 1:
        relative = "tomorrow"
    elif delta == -1:
        relative = "yesterday"
    elif delta > 0:
        relative = f"in {delta} days"
    else:
        relative = f"{-delta} days ago"
    return f"{label} · {relative}"


def describe_when(when: When, today: date, *, short: bool = False) -> str:
    """A day and time as a person checks it: ``Fri 27 Nov 2026 12:30 · in 3 days``."""
    text = describe_day(when.day, today, short=short)
    if when.at is None:
        return text
    label, _, relative = text.partition(" · ")
    return f"{label} {when.at:%H:%M} · {relative}"
