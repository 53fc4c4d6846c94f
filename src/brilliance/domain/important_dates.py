"""Important dates: birthdays, work anniversaries and people's own big days.

A yearly date comes round each year; a February 29 birthday is kept on February 28 in years
without a leap day (the day before, so the wish is never late). A one-off date happens once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from brilliance.domain.models import DateKind, ImportantDate, Person

COMING_UP_DAYS = 7
"""Today shows the dates of the next seven days."""
PREP_WINDOW_DAYS = 14
"""The prep sheet mentions a date within two weeks of the meeting."""


def occurs_in(important: ImportantDate, year: int) -> date | None:
    """The day ``important`` falls on in ``year``, or None when it does not happen that year."""
    if not important.yearly:
        return date(year, important.month, important.day) if year == important.year else None
    if important.year is not None and year < important.year:
        return None
    if (important.month, important.day) == (2, 29):
        try:
            return date(year, 2, 29)
        except ValueError:
            return date(year, 2, 28)
    return date(year, important.month, important.day)


def next_occurrence(important: ImportantDate, today: date) -> date | None:
    """The next day (today included) the date falls on; None for a one-off date now past."""
    if not important.yearly:
        day = occurs_in(important, important.year or today.year)
        return day if day is not None and day >= today else None
    for year in (today.year, today.year + 1):
        if year > date.max.year:
            break
        day = occurs_in(important, year)
        if day is not None and day >= today:
            return day
    return None


def years_on(important: ImportantDate, day: date) -> int | None:
    """How many years the date marks on ``day`` (a 40th birthday); None without a year."""
    if important.year is None or not important.yearly:
        return None
    years = day.year - important.year
    return years if years > 0 else None


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def describe(important: ImportantDate, on: date | None = None) -> str:
    """``"birthday"``, ``"40th birthday"``, ``"5th work anniversary"``, ``"thesis defence"``."""
    name = important.label or important.kind.value
    years = years_on(important, on) if on is not None else None
    if years is not None and important.kind is not DateKind.OTHER:
        return f"{_ordinal(years)} {name}"
    return name


def describe_day(important: ImportantDate) -> str:
    """The date as written in a form: ``1990-03-14``, ``--03-14`` (no year)."""
    if important.year is None:
        return f"--{important.month:02}-{important.day:02}"
    return f"{important.year:04}-{important.month:02}-{important.day:02}"


def describe_when(important: ImportantDate) -> str:
    """The date for reading: ``27 Nov``, ``14 Mar 1990``."""
    shown = date(important.year or 2000, important.month, important.day)
    return f"{shown:%d %b}" + (f" {important.year}" if important.year else "")


@dataclass(frozen=True)
class UpcomingDate:
    """One important date on its next day."""

    person: Person
    important: ImportantDate
    on: date

    def describe(self, today: date) -> str:
        days = (self.on - today).days
        when = "today" if days == 0 else "tomorrow" if days == 1 else f"{self.on:%a %d %b}"
        return f"{self.person.name}: {describe(self.important, self.on)}, {when}"


def upcoming(people: Iterable[Person], start: date, days: int) -> list[UpcomingDate]:
    """Important dates from ``start`` through ``days`` days later, soonest first."""
    end = start + timedelta(days=days)
    found = []
    for person in people:
        for important in person.important_dates:
            day = next_occurrence(important, start)
            if day is not None and day <= end:
                found.append(UpcomingDate(person, important, day))
    return sorted(found, key=lambda u: (u.on, u.person.name.casefold(), u.person.id))


def coming_up_dates(people: Iterable[Person], today: date) -> list[UpcomingDate]:
    """What Today shows under "coming up": the next seven days."""
    return upcoming(people, today, COMING_UP_DAYS)


def near_meeting(person: Person, meeting_day: date, today: date) -> list[UpcomingDate]:
    """This person's dates within two weeks either side of the meeting, not before today."""
    start = max(today, meeting_day - timedelta(days=PREP_WINDOW_DAYS))
    end = meeting_day + timedelta(days=PREP_WINDOW_DAYS)
    return upcoming([person], start, (end - start).days)


def past_occurrences(important: ImportantDate, today: date, years: int = 1) -> list[date]:
    """The days the date fell on in the last ``years`` years up to today (for a timeline)."""
    days = []
    for year in range(today.year - years, today.year + 1):
        if year < 1:
            continue
        day = occurs_in(important, year)
        if day is not None and day <= today:
            days.append(day)
    return days


_VCARD_DATE = re.compile(r"^(?:(\d{4})|--)-?(\d{2})-?(\d{2})(?:T.*)?$")


def parse_vcard_date(text: str) -> tuple[int | None, int, int] | None:
    """A vCard BDAY or ANNIVERSARY value as (year or None, month, day).

    Accepts ``1990-03-14``, ``19900314``, ``--0314`` and ``--03-14`` (no year, vCard 4),
    with or without a time after it. Returns None for anything else.
    """
    match = _VCARD_DATE.match(text.strip())
    if match is None:
        return None
    year = int(match[1]) if match[1] else None
    month, day = int(match[2]), int(match[3])
    # Apple's "no year" marker is 1604; treat it as unknown.
    if year == 1604:
        year = None
    try:
        date(year or 2000, month, day)
    except ValueError:
        return None
    return year, month, day


def parse_day(text: str) -> tuple[int | None, int, int]:
    """A date typed in a form: ``1990-03-14`` or ``03-14`` / ``--03-14`` without a year."""
    text = text.strip()
    parsed = parse_vcard_date(text if len(text) > 5 or text.startswith("--") else "--" + text)
    if parsed is None:
        raise ValueError(f"'{text}' is not a date: write 1990-03-14, or 03-14 without the year")
    return parsed


_KIND_WORDS = {
    "birthday": DateKind.BIRTHDAY,
    "work anniversary": DateKind.ANNIVERSARY,
}
ONCE = "once"


def parse_date_line(line: str) -> ImportantDate:
    """One line of the dates form: ``birthday 1990-03-14``, ``birthday 03-14``,
    ``work anniversary 2015-01-05``, ``thesis defence 2027-05-20 once``.

    The words before the date name it (birthday and work anniversary are known kinds; any
    other words are their own big day); ``once`` at the end makes it a one-off.
    """
    words = line.split()
    yearly = True
    if words and words[-1].casefold() == ONCE:
        yearly = False
        words = words[:-1]
    if len(words) < 2:
        raise ValueError(f"'{line.strip()}': write what the day is, then the date")
    year, month, day = parse_day(words[-1])
    label = " ".join(words[:-1])
    kind = _KIND_WORDS.get(label.casefold(), DateKind.OTHER)
    return ImportantDate(
        kind=kind,
        label="" if kind is not DateKind.OTHER else label,
        month=month,
        day=day,
        year=year,
        yearly=yearly,
    )


def format_date_line(important: ImportantDate) -> str:
    """The inverse of :func:`parse_date_line`."""
    name = important.label or important.kind.value
    day = describe_day(important).removeprefix("--")
    return f"{name} {day}" + ("" if important.yearly else f" {ONCE}")
